/**
 * The product catalog as data: SKUs, what they include, where they are sold, their minute
 * allotments (R-CAT-1, R-CAT-2).
 */
package com.commcredits.catalog;
