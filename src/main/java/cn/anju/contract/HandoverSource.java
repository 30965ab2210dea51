package cn.anju.contract;

import org.springframework.modulith.NamedInterface;

import java.util.List;
import java.util.Set;

/**
 * What an ended contract leaves open, asked of each module that owns such records (open work orders, complaint and
 * violation cases, deposits held, rent not yet remitted). Owned here, implemented by those modules, so the contract
 * module depends on none of them.
 */
@NamedInterface("api")
public interface HandoverSource {

    /** The outgoing operator, its district, and the projects the contract covered (empty: the whole district). */
    record Place(long operatorId, String districtCode, Set<Long> projectIds) {

        public Place {
            projectIds = Set.copyOf(projectIds);
        }

        public boolean wholeDistrict() {
            return projectIds.isEmpty();
        }

        public Long[] projects() {
            return projectIds.toArray(Long[]::new);
        }
    }

    /** One kind of item: how many, what money it holds (fen, or none), and which records. */
    record Line(String kind, String label, long count, Long amountFen, List<Long> ids) {
    }

    List<Line> open(Place place);

    /**
     * Moves what this module assigns to an operator to the receiver ({@code null}: the district's own queue); answers
     * how many records moved. Records placed by project alone move with the successor's coverage and need nothing here.
     */
    default int handOver(Place place, Long receiverOperatorId, long actorId) {
        return 0;
    }
}
