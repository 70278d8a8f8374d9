/** The one source of time: an injected {@link java.time.Clock}; nothing calls now() directly. */
package com.commcredits.time;
