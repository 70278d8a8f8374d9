/**
 * The WAR: the admin center's pages and the JSON API; both call the domain services and hold no
 * business rules.
 */
package com.commcredits.web;
