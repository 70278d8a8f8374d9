/** MicroProfile Health checks: ready when the database answers and the schema is migrated. */
package com.commcredits.web.health;
