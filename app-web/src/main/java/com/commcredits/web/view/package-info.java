/** Thymeleaf set-up: the template engine, the message bundle and the left navigation. */
package com.commcredits.web.view;
