/** Organisations (tenants): everything else belongs to exactly one of them (R-ORG-1). */
package com.commcredits.organisation;
