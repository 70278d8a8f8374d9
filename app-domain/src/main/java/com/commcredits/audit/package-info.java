/** The audit log: who changed what and when, with before/after, append-only (R-SEC-3). */
package com.commcredits.audit;
