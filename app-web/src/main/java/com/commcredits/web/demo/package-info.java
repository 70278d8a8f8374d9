/**
 * Demo data for the README's run command only (COMMCREDITS_DEMO_DATA=true); never loaded otherwise.
 */
package com.commcredits.web.demo;
