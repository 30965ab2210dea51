package cn.anju.inspection.web;

import cn.anju.inspection.Verifications;

import java.math.BigDecimal;

/**
 * The result of one verification visit as the visitor's phone sends it, to the page and to the API alike: the outcome,
 * a note and the position when the device gave one. The photos are parts of the multipart body, not fields: they stay
 * a {@code @RequestParam}, where the OpenAPI document shows them in the body as before (a record's file would be listed
 * as a query parameter).
 */
record VisitForm(Verifications.Outcome outcome, String note, BigDecimal latitude, BigDecimal longitude) {
}
