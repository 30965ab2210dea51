package cn.anju.demo;

import cn.anju.disclosure.DisclosureItem;
import cn.anju.disclosure.DisclosureStatus;
import cn.anju.disclosure.DisclosureType;
import cn.anju.disclosure.Disclosures;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Demo disclosure: the platform drafts the public items of the demo's records (procurements, contracts, evaluations,
 * settlements, rent standards, the selection round, service channels); each district's leader reviews and publishes
 * its procurements' announcements and awards, its contracts, its service channels and its last quarter's result and
 * settlement (the result making that evaluation PUBLISHED); the rent standards and the selection result wait for
 * review; 榆阳's first contract item is withdrawn for a correction, redrafted by the officer and published again by the
 * leader (its change log shows all of it); the earlier quarters' results and settlements still wait for review, past
 * their 20 working days.
 */
@Component
@Profile("demo")
class DemoDisclosures {

    private record District(String officer, String leader) {
    }

    private static final List<District> DISTRICTS = List.of(new District("yuyang.gov", "yuyang.leader"),
            new District("shenmu.gov", "shenmu.leader"));

    /** Published by the leaders beside the contracts: the procurements' announcements and awards, the service channels. */
    private static final java.util.Set<DisclosureType> ALSO_PUBLISHED = java.util.EnumSet.of(DisclosureType.PROCUREMENT_NOTICE,
            DisclosureType.PROCUREMENT_AWARD, DisclosureType.CHANNELS);

    private final DemoActs acts;
    private final Disclosures disclosures;

    DemoDisclosures(DemoActs acts, Disclosures disclosures) {
        this.acts = acts;
        this.disclosures = disclosures;
    }

    /** Returns how many items were published. */
    int make() {
        disclosures.draftAll();
        int published = 0;
        for (District d : DISTRICTS) {
            List<DisclosureItem> drafts = acts.now(d.leader(), u -> disclosures.list(u, List.of(DisclosureStatus.DRAFT)));
            List<DisclosureItem> contracts = drafts.stream().filter(i -> i.type() == DisclosureType.CONTRACT).toList();
            List<DisclosureItem> toPublish = new java.util.ArrayList<>(contracts);
            drafts.stream().filter(i -> ALSO_PUBLISHED.contains(i.type())).forEach(toPublish::add);
            for (DisclosureType latestOnly : List.of(DisclosureType.EVALUATION, DisclosureType.SETTLEMENT)) {
                drafts.stream().filter(i -> i.type() == latestOnly).max(Comparator.comparing(DisclosureItem::finalOn)).ifPresent(toPublish::add);
            }
            for (DisclosureItem i : toPublish) {
                acts.now(d.leader(), u -> {
                    disclosures.publish(u, i.id(), null);
                    return null;
                });
                published++;
            }
            if (d.officer().equals("yuyang.gov") && !contracts.isEmpty()) {
                long corrected = contracts.getFirst().id();
                acts.now(d.officer(), u -> {
                    disclosures.withdraw(u, corrected, "服务项目表述与合同原文不一致，更正后重新公开", null);
                    disclosures.redraft(u, corrected, "按合同原文更正服务项目表述", null);
                    return null;
                });
                acts.now(d.leader(), u -> {
                    disclosures.publish(u, corrected, null);
                    return null;
                });
            }
        }
        return published;
    }
}
