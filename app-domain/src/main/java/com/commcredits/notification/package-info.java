/**
 * Notifications (R-NOTIFY): written to an outbox in the same transaction as their event, delivered
 * by a retrying sender through a mail port, listed in the admin center's message center.
 */
package com.commcredits.notification;
