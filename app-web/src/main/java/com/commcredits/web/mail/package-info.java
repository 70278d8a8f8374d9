/** The mail adapter: notifications leave through the Liberty mail session (Jakarta Mail). */
package com.commcredits.web.mail;
