package cn.anju.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.anju.support.ScopeTargets.yuyangCampaign;
import static cn.anju.support.ScopeTargets.yuyangCase;
import static cn.anju.support.ScopeTargets.yuyangEvidence;
import static cn.anju.support.ScopeTargets.yuyangPatrolTask;
import static org.assertj.core.api.Assertions.assertThat;

/** Patrols, occupant verification, idle units and violation cases. */
final class InspectionScopeCases {

    private InspectionScopeCases() {
    }

    static void addTo(Map<String, ScopeCase> cases) {
        // inspection: patrols
        cases.put("GET /api/v1/patrol-plans", port -> {
            yuyangPatrolTask(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-plans"))
                    .forEach(p -> assertThat(p.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/patrol-plans").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/patrol-plans", port -> {
            long yuyang = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/projects")).get(0).get("id").asLong();
            String body = "{\"projectId\":" + yuyang + ",\"name\":\"越权\",\"everyDays\":7,\"checklist\":[\"门禁\"]}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-plans", body).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/patrol-plans", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/patrol-plans", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/patrol-tasks", port -> {
            yuyangPatrolTask(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-tasks?size=200")).get("items")
                    .forEach(t -> assertThat(t.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/patrol-tasks").statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/patrol-tasks/{id}", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-tasks/" + task).statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results", port -> {
            long task = yuyangPatrolTask(port);
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/patrol-tasks/" + task + "/results", Map.of("result_1", "PASS"),
                    "photo_1", "x.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/patrol-tasks/{id}/photos/{photoId}", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/patrol-tasks/" + task + "/photos/1").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results/{resultId}/work-order", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-tasks/" + task + "/results/1/work-order",
                    "{\"category\":\"LIGHTING\",\"workType\":\"REPAIR\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postJson("/api/v1/patrol-tasks/" + task + "/results/1/work-order", "{}").statusCode())
                    .isEqualTo(403);
        });
        cases.put("POST /api/v1/patrol-tasks/{id}/results/{resultId}/violation-case", port -> {
            long task = yuyangPatrolTask(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/patrol-tasks/" + task + "/results/1/violation-case",
                    "{\"leaseNumber\":\"x\",\"type\":\"SUBLET\"}").statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "tenant.demo").postJson("/api/v1/patrol-tasks/" + task + "/results/1/violation-case", "{}")
                    .statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/patrol-coverage", port -> {
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/patrol-coverage").statusCode()).isEqualTo(200);
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/patrol-coverage").statusCode()).isEqualTo(403);
        });
        // inspection: occupant verification and idle units
        cases.put("GET /api/v1/verification-campaigns", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/verification-campaigns"))
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "tenant.demo").getJson("/api/v1/verification-campaigns").statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/verification-campaigns", port -> {
            String body = "{\"districtCode\":\"610802\",\"name\":\"越权\",\"startsOn\":\"2026-01-01\",\"endsOn\":\"2026-12-31\"}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/verification-campaigns", body).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/verification-campaigns", body).statusCode()).isEqualTo(404);
            for (String who : List.of("anju.staff", "yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/verification-campaigns", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/verification-campaigns/{id}/visits", port -> {
            long campaign = yuyangCampaign(port);
            // another operator's campaign, and one that does not exist, are not found: not an empty list
            assertThat(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/verification-campaigns/" + campaign + "/visits").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/987654321/visits").statusCode())
                    .isEqualTo(404);
            assertThat(WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/" + campaign + "/visits")).size())
                    .isPositive();
        });
        cases.put("POST /api/v1/verification-visits/{id}", port -> {
            long visit = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/verification-campaigns/"
                    + yuyangCampaign(port) + "/visits?pending=true")).get(0).get("id").asLong();
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/verification-visits/" + visit,
                    Map.of("outcome", "MATCH"), "photo", "a.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.gov").postMultipart("/api/v1/verification-visits/1", Map.of("outcome", "MATCH"), "photo",
                    "a.png", "image/png", new byte[] {1}).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/meter-readings", port -> {
            assertThat(WebClient.loggedIn(port, "tenant.demo").postMultipart("/api/v1/meter-readings", Map.of(), "r.csv", "text/csv",
                    "项目,楼栋,房号,月份,用水量,用电量\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        });
        cases.put("GET /api/v1/idle-units", port -> {
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/idle-units"))
                    .forEach(u -> assertThat(u.get("districtCode").asString()).isEqualTo("610881"));
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/idle-units").statusCode()).isEqualTo(403);
        });
        // inspection: violation cases
        cases.put("GET /api/v1/violation-cases", port -> {
            yuyangCase(port);
            WebClient.json(WebClient.loggedIn(port, "shenmu.op").getJson("/api/v1/violation-cases?size=200")).get("items")
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610881"));
            WebClient.json(WebClient.loggedIn(port, "hengshan.gov").getJson("/api/v1/violation-cases?size=200")).get("items")
                    .forEach(c -> assertThat(c.get("districtCode").asString()).isEqualTo("610803"));
            for (String who : List.of("yuyang.finance", "tenant.demo", "evaluator")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/violation-cases").statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("GET /api/v1/violation-cases/{id}", port -> {
            long id = yuyangCase(port);
            assertThat(WebClient.loggedIn(port, "anju.staff").getJson("/api/v1/violation-cases/" + id).statusCode()).isEqualTo(200);
            for (String who : List.of("shenmu.op", "hengshan.gov")) {
                assertThat(WebClient.loggedIn(port, who).getJson("/api/v1/violation-cases/" + id).statusCode()).as(who).isEqualTo(404);
            }
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getJson("/api/v1/violation-cases/" + id).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/violation-cases", port -> {
            String number = WebClient.json(WebClient.loggedIn(port, "yuyang.gov").getJson("/api/v1/leases?status=ACTIVE&size=1"))
                    .get("items").get(0).get("leaseNumber").asString();
            String body = "{\"leaseNumber\":\"" + number + "\",\"type\":\"SUBLET\",\"facts\":\"越权立案\"}";
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/violation-cases", body).statusCode()).isEqualTo(404);
            for (String who : List.of("yuyang.finance", "tenant.demo")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/violation-cases", body).statusCode()).as(who).isEqualTo(403);
            }
        });
        cases.put("POST /api/v1/violation-cases/{id}/evidence", port -> {
            long id = yuyangCase(port);
            var r = WebClient.loggedIn(port, "shenmu.op").postMultipart("/api/v1/violation-cases/" + id + "/evidence",
                    Map.of("description", "越权"), "x.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0});
            assertThat(r.statusCode()).isEqualTo(404);
        });
        cases.put("GET /api/v1/violation-cases/{id}/evidence/{evidenceId}", port -> {
            long[] caseAndEvidence = yuyangEvidence(port);
            long id = caseAndEvidence[0];
            long e = caseAndEvidence[1];
            assertThat(WebClient.loggedIn(port, "shenmu.op").getBytes("/api/v1/violation-cases/" + id + "/evidence/" + e).statusCode()).isEqualTo(404);
            assertThat(WebClient.loggedIn(port, "yuyang.finance").getBytes("/api/v1/violation-cases/" + id + "/evidence/" + e).statusCode()).isEqualTo(403);
        });
        cases.put("POST /api/v1/violation-cases/{id}/{action:report|review|return|rectified|closure|reopen}", port -> {
            long id = yuyangCase(port);
            assertThat(WebClient.loggedIn(port, "shenmu.op").postJson("/api/v1/violation-cases/" + id + "/report", "{}").statusCode()).isEqualTo(404);
            for (String action : List.of("review", "return", "reopen")) {
                assertThat(WebClient.loggedIn(port, "anju.manager").postJson("/api/v1/violation-cases/" + id + "/" + action, "{}").statusCode())
                        .as(action).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/violation-cases/" + id + "/review", "{}").statusCode()).isEqualTo(404);
        });
        cases.put("POST /api/v1/violation-cases/{id}/decision", port -> {
            long id = yuyangCase(port);
            for (String who : List.of("anju.manager", "anju.staff", "yuyang.finance")) {
                assertThat(WebClient.loggedIn(port, who).postJson("/api/v1/violation-cases/" + id + "/decision", "{\"decision\":\"RECLAIM\"}").statusCode())
                        .as(who).isEqualTo(403);
            }
            assertThat(WebClient.loggedIn(port, "hengshan.gov").postJson("/api/v1/violation-cases/" + id + "/decision", "{}").statusCode()).isEqualTo(404);
        });
    }
}
