/**
 * JPA implementations of the domain's repository interfaces, and the Flyway migrations run at
 * start-up. EclipseLink never generates DDL: the schema comes only from db/migration.
 */
package com.commcredits.persistence;
