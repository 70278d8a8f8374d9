/**
 * The product's configuration: {@link com.commcredits.config.AppSettings} reads the environment
 * variables of the README's Configuration table in one place and hands them out typed.
 */
package com.commcredits.config;
