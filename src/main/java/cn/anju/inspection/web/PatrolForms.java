package cn.anju.inspection.web;

import cn.anju.identity.CurrentUser;
import cn.anju.inspection.PatrolTasks;
import cn.anju.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads a patrol form (result_N, note_N, photo_N per checklist item; latitude, longitude) for the page and the API alike. */
final class PatrolForms {

    private PatrolForms() {
    }

    static void record(PatrolTasks tasks, CurrentUser user, long taskId, HttpServletRequest request) {
        int items = tasks.get(user, taskId).task().checklist().size();
        List<PatrolTasks.ItemResult> results = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            String result = request.getParameter("result_" + i);
            if (result == null) {
                continue;
            }
            List<PatrolTasks.Upload> photos = new ArrayList<>();
            if (request instanceof MultipartHttpServletRequest m) {
                for (MultipartFile f : m.getFiles("photo_" + i)) {
                    try {
                        if (!f.isEmpty()) {
                            photos.add(new PatrolTasks.Upload(f.getOriginalFilename(), f.getBytes()));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            results.add(new PatrolTasks.ItemResult(i, "PASS".equals(result), request.getParameter("note_" + i), photos));
        }
        tasks.record(user, taskId, results, decimal(request.getParameter("latitude")), decimal(request.getParameter("longitude")));
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim()).setScale(6, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("PATROL_LOCATION", "位置坐标格式不正确。");
        }
    }
}
