package cn.anju.demo;

import cn.anju.support.PlatformTest;
import cn.anju.support.TestClock;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city obeys the rules its modules enforce, because it was made through their actions: what a newcomer
 * explores is a state the platform could have reached. The checks look at the demo's history (everything before
 * today); tests later in the run add their own records.
 */
@PlatformTest
class DemoDataRulesTest {

    @Autowired
    JdbcClient jdbc;

    /** Today at midnight in Beijing: the demo's history lies before it. */
    Timestamp today() {
        return Timestamp.from(TestClock.today().atStartOfDay(TestClock.ZONE).toInstant());
    }

    List<String> rows(String sql) {
        return jdbc.sql(sql).param(today()).query(String.class).list();
    }

    @Test
    void everyActiveLeaseWasSignedFiledOrDueMovedIntoAndHoldsItsOccupiedUnit() {
        assertThat(rows("""
                select l.lease_number from lease l join unit u on u.id = l.unit_id
                 where l.status = 'ACTIVE' and l.created_at < ?
                   and (l.signed_on is null or l.filing_due_on is null or u.status <> 'OCCUPIED'
                     or not exists (select 1 from lease_event e where e.lease_id = l.id and e.kind = 'MOVED_IN')
                     or not exists (select 1 from lease_handover h where h.lease_id = l.id and h.kind = 'MOVE_IN'))""")).isEmpty();
        // and no unit is occupied by nobody, or reserved for nobody
        assertThat(rows("""
                select u.id::text from unit u where u.status = 'OCCUPIED' and not exists (select 1 from lease l where l.unit_id = u.id
                   and l.moved_out_on is null and l.status in ('ACTIVE', 'EXPIRED', 'TERMINATED')) and ?::timestamptz is not null""")).isEmpty();
        assertThat(rows("""
                select u.id::text from unit u where u.status = 'RESERVED' and ?::timestamptz is not null
                   and not exists (select 1 from direct_allocation a where a.unit_id = u.id and a.status = 'RESERVED')
                   and not exists (select 1 from selection_applicant s where s.unit_id = u.id and s.outcome = 'CHOSEN')
                   and not exists (select 1 from lease l where l.unit_id = u.id and l.status in ('DRAFT', 'SIGNED'))""")).isEmpty();
    }

    @Test
    void aLeaseStartsWhileItsHouseholdIsEligibleAndAfterItWasRegistered() {
        assertThat(rows("""
                select l.lease_number from lease l join household h on h.id = l.household_id
                 where l.created_at < ? and (h.created_at > l.created_at or not exists (select 1 from eligibility_decision d
                        where d.household_id = l.household_id and d.valid_from <= l.start_date and d.valid_to >= l.start_date
                          and d.created_at <= l.created_at))""")).isEmpty();
        // nobody is registered before they were born
        assertThat(rows("""
                select m.id::text from household_member m join household h on h.id = m.household_id
                 where h.created_at < ? and m.birth_date > (h.created_at at time zone 'Asia/Shanghai')::date""")).isEmpty();
    }

    @Test
    void everyLeaseEntryOfTheResidentFileCameFromTheLeasesOwnEvent() {
        // the lease's history and the household's file are written by the same action: one entry per event, same moment
        assertThat(rows("""
                select r.id::text from resident_file_entry r where r.ref_type = 'lease' and r.at < ? and r.kind like 'LEASE\\_%'
                   and not exists (select 1 from lease_event e where e.lease_id = r.ref_id and 'LEASE_' || e.kind = r.kind and e.at = r.at)""")).isEmpty();
        assertThat(rows("""
                select e.id::text from lease_event e where e.at < ?
                   and not exists (select 1 from resident_file_entry r where r.ref_type = 'lease' and r.ref_id = e.lease_id
                                     and r.kind = 'LEASE_' || e.kind and r.at = e.at)""")).isEmpty();
    }

    @Test
    void billsAndPaymentsBelongToLeasesThatWereMovedIntoAndCameInOrder() {
        assertThat(rows("""
                select b.id::text from bill b where b.created_at < ?
                   and not exists (select 1 from lease_event e where e.lease_id = b.lease_id and e.kind in ('MOVED_IN', 'RENEWAL_STARTED')
                                     and e.at <= b.created_at)""")).isEmpty();
        assertThat(rows("""
                select p.receipt_number from payment p join lease l on l.id = p.lease_id
                 where p.received_at < ? and (p.received_at < l.created_at
                    or exists (select 1 from payment_allocation a join bill b on b.id = a.bill_id where a.payment_id = p.id
                                 and b.created_at > p.received_at))""")).isEmpty();
        // paid a few days before it fell due: no late fee was ever owed by a household that paid on time
        assertThat(jdbc.sql("select count(*) from payment where received_at < ? and channel in ('CASH', 'BANK_TRANSFER')")
                .param(today()).query(Long.class).single()).isGreaterThan(5_000);
    }

    @Test
    void finishedRepairsAndPatrolsWentThroughEveryStepInTheirOrder() {
        assertThat(rows("""
                select w.order_number from work_order w where w.state = 'CONFIRMED' and w.submitted_at < ?
                   and not (w.submitted_at <= w.on_site_at and w.on_site_at <= w.completed_at and w.completed_at <= w.confirmed_at
                        and (select count(*) from work_order_event e where e.work_order_id = w.id) >= 5)""")).isEmpty();
        assertThat(rows("""
                select t.id::text from patrol_task t where t.state = 'DONE' and t.done_at < ?
                   and (t.done_at < (t.due_on::timestamp at time zone 'Asia/Shanghai')
                     or not exists (select 1 from patrol_item_result r where r.task_id = t.id))""")).isEmpty();
        assertThat(jdbc.sql("select count(*) from patrol_task where state = 'DONE' and done_at < ?").param(today())
                .query(Long.class).single()).isGreaterThan(50);
    }

    @Test
    void demoSeedingLivesInTheDemoModuleAndOnlyInTheDemoProfile() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.anju");
        assertThat(classes.stream().filter(c -> c.getSimpleName().endsWith("Seeding")).map(JavaClass::getName).toList())
                .as("seeding classes").isEmpty();
        for (JavaClass c : classes.stream().filter(c -> c.getPackageName().equals("cn.anju.demo") && c.getEnclosingClass().isEmpty()
                && (c.isAnnotatedWith(Component.class) || c.isAnnotatedWith(Service.class))).toList()) {
            assertThat(c.isAnnotatedWith(Profile.class) && List.of(c.getAnnotationOfType(Profile.class).value()).equals(List.of("demo")))
                    .as(c.getName() + " only in the demo profile").isTrue();
        }
        assertThat(classes.get("cn.anju.identity.DemoAccounts").getAnnotationOfType(Profile.class).value()).containsExactly("demo");
    }
}
