/**
 * The built-in payment gateway: a sandbox that keeps its own books in its own tables and its own
 * transactions, as an outside gateway would, and answers its test cards like a real one. It says it
 * is a sandbox wherever it shows.
 */
package com.commcredits.persistence.gateway;
