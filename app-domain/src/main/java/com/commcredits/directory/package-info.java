/**
 * The organisation's directory of users: display name, sign-in name (UPN), usage location, state
 * (R-ORG-2).
 */
package com.commcredits.directory;
