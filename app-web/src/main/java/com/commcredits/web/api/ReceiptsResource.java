package com.commcredits.web.api;

import com.commcredits.shared.NotFoundException;
import com.commcredits.wallet.Receipts;
import com.commcredits.web.documents.PdfDocuments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A funding's receipt as a PDF (R-RECEIPT-2). A resource of its own beside {@link WalletResource}:
 * its longer path is the better match for these requests.
 */
@Path("/wallet/fundings/{id}/receipt")
@RequestScoped
public class ReceiptsResource {
  @Inject ApiCaller caller;
  @Inject Receipts receipts;
  @Inject PdfDocuments pdfs;

  @GET
  @Produces({PdfDocuments.CONTENT_TYPE, "application/problem+json"})
  @Operation(
      summary =
          "The receipt of a succeeded funding as application/pdf: its number (gap-free per "
              + "organisation), seller, buyer, amount, payment method, tax line and the funds' "
              + "expiry; another organisation's funding 404")
  public Response receipt(@PathParam("id") String id) {
    Receipts.Printable receipt = receipts.receipt(caller.get(), id(id));
    return pdf(pdfs, receipt);
  }

  static Response pdf(PdfDocuments pdfs, Receipts.Printable printable) {
    return Response.ok(pdfs.pdf(printable), PdfDocuments.CONTENT_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + PdfDocuments.fileName(printable.document()) + "\"")
        .build();
  }

  static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("The item");
    }
  }
}
