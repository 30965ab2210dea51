package cn.anju.disclosure;

import java.time.LocalDate;
import java.util.Map;

/** What a source drafts from one final record: the item's place, title, the day the record became final, its content. */
public record DisclosureDraft(DisclosureType type, long sourceId, String districtCode, String title, LocalDate finalOn,
                              Map<String, Object> content) {
}
