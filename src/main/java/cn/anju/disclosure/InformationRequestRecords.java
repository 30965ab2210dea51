package cn.anju.disclosure;

import cn.anju.shared.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The tables of requests for information and the files sent with their replies. */
@Repository
class InformationRequestRecords {

    private final JdbcClient jdbc;

    InformationRequestRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextNumber() {
        return jdbc.sql("select nextval('information_request_number_seq')").query(Long.class).single();
    }

    record NewRow(String caseNumber, UUID submissionKey, String districtCode, String name, String contact, String description,
                  String purpose, InformationDelivery delivery, String trackingCode, Instant receivedAt, LocalDate receivedOn,
                  LocalDate dueOn) {
    }

    /** Files the request unless its form was submitted before (same key): then empty. */
    Optional<Long> insert(NewRow r) {
        return jdbc.sql("""
                        insert into information_request (case_number, submission_key, district_code, state, applicant_name,
                               applicant_contact, description, purpose, delivery, tracking_code, received_at, received_on, due_on)
                        values (?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (submission_key) do nothing returning id""")
                .params(r.caseNumber(), r.submissionKey(), r.districtCode(), r.name(), r.contact(), r.description(), r.purpose(),
                        r.delivery().name(), r.trackingCode(), Timestamp.from(r.receivedAt()), Date.valueOf(r.receivedOn()),
                        Date.valueOf(r.dueOn()))
                .query(Long.class).optional();
    }

    Optional<String> caseNumberOf(UUID submissionKey) {
        return jdbc.sql("select case_number from information_request where submission_key = ?").param(submissionKey)
                .query(String.class).optional();
    }

    Optional<InformationRequest> find(long id) {
        return jdbc.sql("select * from information_request where id = ?").param(id).query(InformationRequestRecords::request).optional();
    }

    /** By case number, with the stored digest of its tracking code (compared by the caller in constant time). */
    Optional<Long> idByNumber(String caseNumber) {
        return jdbc.sql("select id from information_request where case_number = ?").param(caseNumber).query(Long.class).optional();
    }

    String trackingCode(long id) {
        return jdbc.sql("select tracking_code from information_request where id = ?").param(id).query(String.class).single();
    }

    /** The districts' requests, the ones still running first by due day, then the answered ones newest first. */
    List<InformationRequest> of(Collection<String> districts, InformationRequestState state) {
        return jdbc.sql("""
                        select * from information_request where district_code = any(?) and (?::text is null or state = ?)
                         order by state = 'ANSWERED', case when state <> 'ANSWERED' then coalesce(extended_due_on, due_on) end,
                                  received_at desc, id desc""")
                .params(districts.toArray(String[]::new), state == null ? null : state.name(), state == null ? null : state.name())
                .query(InformationRequestRecords::request).list();
    }

    void file(long requestId, FileStore.StoredFile f, Instant at) {
        jdbc.sql("""
                        insert into information_request_file (request_id, file_key, sha256, size, content_type, original_name, added_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, f.key(), f.sha256(), f.size(), f.contentType(), f.originalName(), Timestamp.from(at)).update();
    }

    List<InformationReplyFile> files(long requestId) {
        return jdbc.sql("""
                        select id, original_name, content_type, size, sha256 from information_request_file
                         where request_id = ? order by id""").param(requestId)
                .query((rs, n) -> new InformationReplyFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5))).list();
    }

    /** Where a file of the request's reply is kept; empty when the request has no such file. */
    Optional<String> fileKey(long requestId, long fileId) {
        return jdbc.sql("select file_key from information_request_file where request_id = ? and id = ?").params(requestId, fileId)
                .query(String.class).optional();
    }

    /** Running requests past their due day that their district has not been told of yet, marked as told. */
    List<InformationRequest> newlyLate(LocalDate today) {
        return jdbc.sql("""
                        update information_request set late_noticed = true
                         where state <> 'ANSWERED' and coalesce(extended_due_on, due_on) < ? and not late_noticed
                        returning *""").param(Date.valueOf(today)).query(InformationRequestRecords::request).list();
    }

    private static InformationRequest request(ResultSet rs, int n) throws SQLException {
        String reply = rs.getString("reply_kind");
        return new InformationRequest(rs.getLong("id"), rs.getString("case_number"), rs.getString("district_code"),
                InformationRequestState.valueOf(rs.getString("state")), rs.getString("applicant_name"), rs.getString("applicant_contact"),
                rs.getString("description"), rs.getString("purpose"), InformationDelivery.valueOf(rs.getString("delivery")),
                rs.getTimestamp("received_at").toInstant(), rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("extended_due_on", LocalDate.class), rs.getString("extension_reason"),
                instant(rs.getTimestamp("extended_at")), reply == null ? null : InformationReply.valueOf(reply), rs.getString("reply"),
                instant(rs.getTimestamp("replied_at")), rs.getInt("version"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
