/**
 * The admin center's pages: one servlet per page with a GET/POST pair, redirect-after-POST with a
 * flash message, and the permission each page needs.
 */
package com.commcredits.web.pages;
