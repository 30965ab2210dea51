package cn.anju.survey;

import org.springframework.modulith.NamedInterface;
import cn.anju.audit.AuditLog;
import cn.anju.audit.AuditOutcome;
import cn.anju.housing.HousingStock;
import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a household's token is offered: on the tenant's home (their open surveys not yet answered), and on the sheet of
 * QR codes the organiser prints for door-to-door visits. The token table links a household to its token; nothing links
 * the token to the answer, so neither of these weakens the answers' anonymity.
 */
@NamedInterface("actions")
@Service
public class SurveyInvitations {

    private final JdbcClient jdbc;
    private final SurveyTokens tokens;
    private final SurveyWaves waves;
    private final LeaseFacts leases;
    private final HousingStock housing;
    private final AuditLog audit;
    private final SurveyScope scope;

    SurveyInvitations(JdbcClient jdbc, SurveyTokens tokens, SurveyWaves waves, LeaseFacts leases, HousingStock housing, AuditLog audit,
                      SurveyScope scope) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.waves = waves;
        this.leases = leases;
        this.housing = housing;
        this.audit = audit;
    }

    /** An open survey the household has not answered yet, with its answer page's address. */
    @NamedInterface("actions")
    public record Pending(String title, String organiser, LocalDate endsOn, String link) {
    }

    public List<Pending> pendingFor(long householdId) {
        return jdbc.sql("""
                        select w.id, w.title, w.run_by, w.ends_on from survey_token t join survey_wave w on w.id = t.wave_id
                         where t.household_id = ? and not t.answered and w.status = ? order by w.ends_on, w.id""")
                .params(householdId, WaveStatus.OPEN.name())
                .query((rs, n) -> new Pending(rs.getString(2), RunBy.valueOf(rs.getString(3)).label(), rs.getObject(4, LocalDate.class),
                        tokens.link(tokens.token(rs.getLong(1), householdId))))
                .list();
    }

    /** One household's sheet: where to take it, and the link its QR code carries. */
    @NamedInterface("actions")
    public record Sheet(String projectName, String place, String link) {
    }

    /** The sheets of an open wave's households not yet answered, by project and door (audited: who printed, how many). */
    @Transactional
    public List<Sheet> sheets(CurrentUser user, long waveId) {
        SurveyWave wave = waves.runBy(user, waveId);
        if (wave.status() != WaveStatus.OPEN) {
            throw cn.anju.shared.web.ProblemException.conflict("SURVEY_WAVE_NOT_OPEN", "调查进行中才能打印入户调查表。");
        }
        List<Long> households = jdbc.sql("select household_id from survey_token where wave_id = ? and not answered order by household_id")
                .param(waveId).query(Long.class).list();
        Map<Long, Long> unitOf = new HashMap<>();
        households.forEach(h -> leases.occupiedBy(h).ifPresent(l -> unitOf.put(h, l.unitId())));
        Map<Long, HousingStock.UnitDescription> units = housing.describeAll(unitOf.values()); // one read for every door
        List<Sheet> sheets = households.stream().map(h -> {
            HousingStock.UnitDescription unit = unitOf.containsKey(h) ? units.get(unitOf.get(h)) : null;
            return new Sheet(unit == null ? "" : unit.projectName(), unit == null ? "（未入住）" : unit.place(), tokens.link(tokens.token(waveId, h)));
        }).sorted(Comparator.comparing(Sheet::projectName).thenComparing(Sheet::place)).toList();
        audit.record(SurveyAudit.SURVEY_SHEETS_PRINT, "survey_wave", waveId, AuditOutcome.SUCCESS, Map.of("sheets", sheets.size()));
        return sheets;
    }

    /** Progress while a wave runs: per project, households sent and answered (no answer is read). */
    @NamedInterface("actions")
    public record Progress(long projectId, String projectName, int sent, int answered) {
    }

    public List<Progress> progress(CurrentUser user, long waveId) {
        SurveyWave wave = waves.visible(user, waveId);
        Map<Long, String> names = housing.projectNames(wave.projectIds());
        return WaveTally.sent(jdbc, waveId).stream().filter(s -> scope.seesProject(user, wave, s.project())).map(s -> new Progress(s.project(), names.getOrDefault(s.project(), "项目" + s.project()),
                s.households(), s.answered())).toList();
    }
}
