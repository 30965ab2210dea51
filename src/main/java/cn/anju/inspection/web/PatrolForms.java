package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.PatrolPlans;
import cn.anju.inspection.PatrolTasks;
import cn.anju.shared.files.Upload;
import cn.anju.shared.web.ProblemException;
import cn.anju.shared.web.Uploads;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Reads a patrol form (result_N, note_N, photo_N per checklist item; latitude, longitude) for the page and the API alike. */
final class PatrolForms {

    private PatrolForms() {
    }

    static void record(PatrolTasks tasks, CurrentUser user, long taskId, HttpServletRequest request) {
        // the items posted, as many as a checklist may have; the service checks them against the task's own checklist
        List<PatrolTasks.ItemResult> results = new ArrayList<>();
        for (int i = 1; i <= PatrolPlans.MAX_CHECKLIST_ITEMS; i++) {
            String result = request.getParameter("result_" + i);
            if (result == null) {
                continue;
            }
            List<Upload> photos = request instanceof MultipartHttpServletRequest m ? Uploads.of(m.getFiles("photo_" + i)) : List.of();
            results.add(new PatrolTasks.ItemResult(i, "PASS".equals(result), request.getParameter("note_" + i), photos));
        }
        tasks.record(user, taskId, results, decimal(request.getParameter("latitude")), decimal(request.getParameter("longitude")));
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim()).setScale(6, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("PATROL_LOCATION", "位置坐标格式不正确。");
        }
    }
}
