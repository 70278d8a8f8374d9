/**
 * The JSON API v1 at /api/v1: bearer API keys, strict JSON input (unknown fields refused), RFC 9457
 * problem documents for every error, documented by OpenAPI.
 */
package com.commcredits.web.api;
