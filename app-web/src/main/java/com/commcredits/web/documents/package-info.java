/**
 * Receipts and credit notes as PDF files (R-SEE-3): rendered from a Thymeleaf template with
 * openhtmltopdf on PDFBox, for downloads and for email attachments.
 */
package com.commcredits.web.documents;
