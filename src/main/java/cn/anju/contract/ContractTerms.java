package cn.anju.contract;

import cn.anju.identity.CurrentUser;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the evaluation reads of a contract: the contract, who may read it, the places it covered day by day and the fee
 * terms in force on a day. The evaluation judges and pays an operator only for the places and days its contract
 * covered, so it asks here rather than reading the contract's tables.
 */
@NamedInterface("api")
@Service
public class ContractTerms {

    private final ContractRecords records;
    private final ContractScope scope;
    private final ContractAmendments amendments;
    private final ServiceContracts contracts;

    ContractTerms(ContractRecords records, ContractScope scope, ContractAmendments amendments, ServiceContracts contracts) {
        this.records = records;
        this.scope = scope;
        this.amendments = amendments;
        this.contracts = contracts;
    }

    /** The contracts the user reads (the contract list's rule). */
    public List<ServiceContract> readable(CurrentUser user) {
        return contracts.list(user);
    }

    /**
     * A place a contract covered from one day through another (both included): a single project, or (for a contract of
     * "all the district's projects") the whole district, new projects included.
     */
    public record Place(String districtCode, Long projectId, LocalDate from, LocalDate to) {

        /** The days of the place within [from, to], or empty when they do not meet. */
        public Optional<Place> within(LocalDate start, LocalDate end) {
            LocalDate a = from.isAfter(start) ? from : start;
            LocalDate b = to.isBefore(end) ? to : end;
            return a.isAfter(b) ? Optional.empty() : Optional.of(new Place(districtCode, projectId, a, b));
        }
    }

    /** Any contract by id, whoever asks (the caller checks {@link #reads}). */
    public Optional<ServiceContract> contract(long id) {
        return records.contract(id);
    }

    /** Whether the user reads the contract: its district's government and finance, the city, its operator while open to it. */
    public boolean reads(CurrentUser user, ServiceContract c) {
        return scope.reads(user, c);
    }

    /** The districts whose contracts the user's government or finance role reads (empty for anyone else). */
    public Set<String> districtsRead(CurrentUser user) {
        return scope.districtsRead(user);
    }

    /** Signed contracts whose days reach {@code since} or later: those a period ending then may evaluate. */
    public List<ServiceContract> signedReaching(LocalDate since) {
        return records.signed().stream().filter(c -> !lastDay(c).isBefore(since)).toList();
    }

    /** The procurement a contract came from (none for a legacy contract), as the public may read it. */
    public Optional<Procurement> procurementOf(ServiceContract c) {
        return c.procurementId() == null ? Optional.empty() : records.procurement(c.procurementId());
    }

    /**
     * Every procurement that was announced (those awarded among them), in every district, as the public may read it:
     * what the disclosure publishes as the announcement and the award.
     */
    public List<Procurement> announcedProcurements() {
        return records.procurementsAnnounced();
    }

    /** The places the contract covered, each through the contract's last day at most. */
    public List<Place> places(ServiceContract c) {
        LocalDate last = lastDay(c);
        if (c.allProjects()) {
            return List.of(new Place(c.districtCode(), null, c.startsOn(), last));
        }
        return records.projects(c.id()).stream()
                .map(p -> new Place(c.districtCode(), p.projectId(), p.from(), p.to() == null || p.to().isAfter(last) ? last : p.to()))
                .filter(p -> !p.from().isAfter(p.to())).toList();
    }

    /** The last day in force; a contract without an end runs on. */
    private static LocalDate lastDay(ServiceContract c) {
        return c.lastDay() == null ? LocalDate.of(9999, 12, 31) : c.lastDay();
    }

    /** The fee terms in force day by day (amendments included), read once for a run of days. */
    public Function<LocalDate, FeeTerms> fees(ServiceContract c) {
        List<ContractAmendments.Amendment> all = amendments.of(c);
        return day -> ContractAmendments.feesOn(c, all, day);
    }
}
