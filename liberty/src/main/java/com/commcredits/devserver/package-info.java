/**
 * Development tooling, never deployed: starts the embedded MariaDB 11.4 and the Liberty server for
 * the README's run command, and the database for the integration tests.
 */
package com.commcredits.devserver;
