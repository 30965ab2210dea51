package cn.anju.shared.excel;

import cn.anju.shared.web.ProblemException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded table, CSV in UTF-8 (a BOM is fine) or Excel (recognised by its ZIP signature), read into rows of the
 * named columns in the order given, whatever order the file has them in. The first row holds the headers.
 */
public final class Tabular {

    private Tabular() {
    }

    /** @param what how the message names the file, e.g. "流水文件" */
    public static List<String[]> rows(byte[] content, List<String> headers, String errorCode, String what) {
        List<String[]> raw = new ArrayList<>();
        boolean excel = content.length > 4 && content[0] == 'P' && content[1] == 'K';
        if (excel) {
            for (Sheets.SheetRow r : Sheets.read(new ByteArrayInputStream(content), headers)) {
                raw.add(headers.stream().map(h -> r.get(h) == null ? "" : r.get(h).trim()).toArray(String[]::new));
            }
            return raw;
        }
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<String> rows = text.lines().filter(l -> !l.isBlank()).toList();
        if (rows.isEmpty() || !List.of(rows.getFirst().split(",", -1)).stream().map(String::trim).toList().containsAll(headers)) {
            throw ProblemException.badRequest(errorCode, what + "第一行应为列标题：" + String.join(",", headers) + "。");
        }
        List<String> header = List.of(rows.getFirst().split(",", -1)).stream().map(String::trim).toList();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            raw.add(headers.stream().map(h -> {
                int i = header.indexOf(h);
                return i < cells.length ? cells[i].trim() : "";
            }).toArray(String[]::new));
        }
        return raw;
    }
}
