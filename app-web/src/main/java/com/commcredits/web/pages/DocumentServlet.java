package com.commcredits.web.pages;

import com.commcredits.shared.Permission;
import com.commcredits.wallet.Receipts;
import com.commcredits.web.documents.PdfDocuments;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Downloads a receipt ({@code ?funding=<id>}, from the lots table) or a credit note ({@code
 * ?id=<document id>}) as a PDF (R-RECEIPT-2); another organisation's is not found (404).
 */
@WebServlet("/billing/documents")
public class DocumentServlet extends PageServlet {
  private static final long serialVersionUID = 1L;

  @Inject Receipts receipts;
  @Inject PdfDocuments pdfs;

  @Override
  protected Permission permission() {
    return Permission.MANAGE_BILLING;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Receipts.Printable printable =
        request.getParameter("funding") != null
            ? receipts.receipt(caller(request), idParameter(request, "funding"))
            : receipts.document(caller(request), idParameter(request, "id"));
    byte[] pdf = pdfs.pdf(printable);
    response.setContentType(PdfDocuments.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + PdfDocuments.fileName(printable.document()) + "\"");
    response.setContentLength(pdf.length);
    response.getOutputStream().write(pdf);
  }
}
