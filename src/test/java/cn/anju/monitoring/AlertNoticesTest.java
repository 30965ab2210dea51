package cn.anju.monitoring;

import cn.anju.shared.policy.PolicySettings;
import cn.anju.shared.privacy.FieldCipher;
import cn.anju.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 预警 against thresholds that are policy settings: the demo's 榆阳区 collects less than 95 % of the year's rent, so
 * its officers are told in the morning; a district that lowers its threshold below its rate has no such alert.
 * One transaction, rolled back: the officer's phone, the notice and the changed threshold are put back.
 */
@PlatformTest
@Transactional
class AlertNoticesTest {

    @Autowired
    AlertNotices notices;
    @Autowired
    Dashboards dashboards;
    @Autowired
    PolicySettings policies;
    @Autowired
    FieldCipher cipher;
    @Autowired
    JdbcClient jdbc;

    long outbox(long user) {
        return jdbc.sql("select count(*) from notification_outbox where recipient_type = 'app_user' and recipient_id = ? and template = ?")
                .params(user, AlertNotices.TEMPLATE).query(Long.class).single();
    }

    @Test
    void aDistrictBelowItsCollectionThresholdIsToldAndALowerThresholdEndsTheAlert() {
        assertThat(dashboards.alertsOf("610802")).extracting(Dashboard.Alert::measure).contains("本年租金收缴率");
        long officer = jdbc.sql("select id from app_user where username = 'yuyang.gov'").query(Long.class).single();
        jdbc.sql("update app_user set contact_phone = ? where id = ?").params(cipher.encrypt("13700003333", "app_user.contact_phone"), officer)
                .update();
        long before = outbox(officer);
        assertThat(notices.send()).isPositive();
        assertThat(outbox(officer)).as("one message to the district's officer").isEqualTo(before + 1);
        assertThat(jdbc.sql("select params::text from notification_outbox where recipient_id = ? and template = ? order by id desc limit 1")
                .params(officer, AlertNotices.TEMPLATE).query(String.class).single()).contains("榆阳区", "本年租金收缴率");

        policies.change("monitoring.alert.collection-rate-min", "610802", "0.5", null, "测试：本区阈值调整");
        assertThat(dashboards.alertsOf("610802")).extracting(Dashboard.Alert::measure).doesNotContain("本年租金收缴率");
        assertThat(dashboards.alertsOf("610881")).as("another district keeps the city's threshold").extracting(Dashboard.Alert::measure)
                .contains("本年租金收缴率");
    }
}
