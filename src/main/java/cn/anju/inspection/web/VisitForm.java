package cn.anju.inspection.web;

import cn.anju.inspection.Verifications;
import org.springframework.web.multipart.MultipartFile;

import java.math.BigDecimal;
import java.util.List;

/**
 * The result of one verification visit as the visitor's phone sends it, to the page and to the API alike: the outcome,
 * a note, the position when the device gave one, and photos ({@code photo} may repeat).
 */
record VisitForm(Verifications.Outcome outcome, String note, BigDecimal latitude, BigDecimal longitude, List<MultipartFile> photo) {
}
