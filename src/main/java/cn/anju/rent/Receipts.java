package cn.anju.rent;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Printing a receipt for whoever may see the payment's lease (the tenant its own). */
@Service
public class Receipts {

    public record Printed(String receiptNumber, byte[] pdf) {
    }

    private final RentQueries queries;
    private final ReceiptPdf pdf;
    private final JdbcClient jdbc;

    Receipts(RentQueries queries, ReceiptPdf pdf, JdbcClient jdbc) {
        this.queries = queries;
        this.pdf = pdf;
        this.jdbc = jdbc;
    }

    public Printed print(CurrentUser user, long paymentId) {
        LeaseQueries.LeaseRow lease = queries.leaseOfPayment(user, paymentId);
        String number = jdbc.sql("select receipt_number from payment where id = ?").param(paymentId).query(String.class).single();
        return new Printed(number, pdf.render(paymentId, lease));
    }
}
