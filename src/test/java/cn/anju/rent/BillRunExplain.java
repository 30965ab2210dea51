package cn.anju.rent;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;

/** For the billing benchmark: the plan of one chunk of the real bill run, executed and rolled back. */
public final class BillRunExplain {

    private BillRunExplain() {
    }

    public static List<String> explain(JdbcClient jdbc, YearMonth period, long from, long to) {
        Date month = Date.valueOf(period.atDay(1));
        jdbc.sql("set local enable_nestloop = off").update();
        return jdbc.sql("explain (analyze, costs off, timing on) " + BillRunStatements.INSERT)
                .params(month, from, to, from, to, new String[]{"610802"}, new Integer[]{20}, null, new Timestamp(0))
                .query(String.class).list();
    }
}
