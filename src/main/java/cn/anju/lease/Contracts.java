package cn.anju.lease;

import org.springframework.stereotype.Service;

/** The printable contract of a lease the caller may read. */
@Service
public class Contracts {

    private final ContractPdf pdf;

    Contracts(ContractPdf pdf) {
        this.pdf = pdf;
    }

    public byte[] pdf(LeaseQueries.LeaseRow lease) {
        return pdf.render(lease);
    }
}
