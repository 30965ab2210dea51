package cn.anju.evaluation.web;

import cn.anju.shared.crypto.Crypto;
import cn.anju.shared.crypto.CryptoPurpose;
import cn.anju.shared.crypto.HashAlgorithm;
import cn.anju.evaluation.Evaluation;
import cn.anju.evaluation.EvaluationActors;
import cn.anju.evaluation.EvaluationStatus;
import cn.anju.evaluation.EvaluationViews;
import cn.anju.evaluation.Evaluations;
import cn.anju.evaluation.IndicatorLevel;
import cn.anju.evaluation.Objection;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One evaluation: its header (contract, period, status, total, band, tree version, the digest of its frozen inputs), the
 * indicator tree by level with every leaf's figures and earlier frozen versions, the objections and deductions, and
 * only the step forms the user may use in the current state; the services still decide each step.
 */
@Controller
@PreAuthorize("@evaluationAccess.evaluations(authentication)")
class EvaluationDetailPage {

    private final Evaluations evaluations;
    private final EvaluationViews views;
    private final EvaluationActors actors;
    private final Districts districts;
    private final EvaluationFormats fmt;

    EvaluationDetailPage(Evaluations evaluations, EvaluationViews views, EvaluationActors actors, Districts districts, EvaluationFormats fmt) {
        this.fmt = fmt;
        this.evaluations = evaluations;
        this.views = views;
        this.actors = actors;
        this.districts = districts;
    }

    record Level(String code, List<EvaluationViews.Leaf> leaves) {
    }

    /** What the page offers now: each flag is one step's form, shown only in the state and to the person it belongs to. */
    record Steps(boolean compute, Set<String> score, boolean submit, boolean reopen, boolean review, boolean object,
                 boolean acceptResult, boolean decide, boolean sign, boolean signWaits, boolean deduct, boolean draft) {

        public boolean any() {
            return compute || !score.isEmpty() || submit || reopen || review || object || acceptResult || decide || sign || deduct || draft;
        }
    }

    @GetMapping("/evaluations/{id}")
    String show(CurrentUser user, @PathVariable long id, Model model) {
        Evaluation e = evaluations.visible(user, id);
        EvaluationViews.Detail d = views.detail(e);
        EvaluationActors.Actor a = actors.of(user, e);
        EvaluationStatus status = e.status();
        boolean pending = d.objections().stream().anyMatch(o -> o.status().equals(Objection.Status.RAISED.name()));
        Set<String> scorable = d.leaves().stream().filter(l -> l.scorer() != null && status == EvaluationStatus.COMPUTED
                        && (l.scorer().equals("PURCHASER") ? a.purchaser() : a.evaluator()))
                .map(EvaluationViews.Leaf::code).collect(Collectors.toSet());
        boolean review = status == EvaluationStatus.OPERATOR_REVIEW;
        boolean settled = d.settlementId() != null;
        Set<String> objected = d.objections().stream().map(EvaluationViews.ObjectionView::leafCode).collect(Collectors.toSet());
        model.addAttribute("d", d);
        model.addAttribute("s", d.summary());
        // the page's title, worked out here: the layout's title parameter may not call beans
        model.addAttribute("title", d.summary().contractNo() + " · " + fmt.period(d.summary().period()));
        model.addAttribute("e", e);
        model.addAttribute("districtName", districts.nameOf(e.districtCode()));
        model.addAttribute("levels", Arrays.stream(IndicatorLevel.values())
                .map(level -> new Level(level.name(), d.leaves().stream().filter(l -> l.level().equals(level.name())).toList()))
                .filter(level -> !level.leaves().isEmpty()).toList());
        model.addAttribute("leafNames", d.leaves().stream().collect(Collectors.toMap(EvaluationViews.Leaf::code, EvaluationViews.Leaf::name)));
        model.addAttribute("manualLeaves", d.leaves().stream().filter(l -> l.scorer() != null).collect(Collectors.toMap(
                EvaluationViews.Leaf::code, l -> true)));
        model.addAttribute("objectable", objectable(d, objected));
        model.addAttribute("inputsDigest", inputsDigest(d.leaves()));
        model.addAttribute("drills", !user.has(Role.EVALUATOR));
        model.addAttribute("steps", new Steps(
                status == EvaluationStatus.OPEN && a.purchaser(), scorable,
                status == EvaluationStatus.COMPUTED && a.purchaser(),
                status == EvaluationStatus.SCORED && a.purchaser(), status == EvaluationStatus.SCORED && a.purchaser(),
                review && a.operator() && a.objectionsOpen() && !objectable(d, objected).isEmpty(),
                review && a.operator() && a.objectionsOpen(),
                review && a.purchaser() && pending,
                review && a.signer() && !pending && !a.objectionsOpen(),
                review && a.signer() && (pending || a.objectionsOpen()),
                status.signed() && a.purchaser() && !settled, status.signed() && a.purchaser() && !settled));
        return "evaluation/evaluation";
    }

    private static List<EvaluationViews.Leaf> objectable(EvaluationViews.Detail d, Set<String> objected) {
        return d.leaves().stream().filter(l -> !objected.contains(l.code())).toList();
    }

    /**
     * One digest over the evaluation's frozen inputs, for the header: SHA-256 of {@code code|version|inputsDigest} per
     * computed leaf, one a line in the tree's order. It adds nothing to the per-leaf digests; anyone can recompute it from
     * them, and two pages showing the same value rest on the same records. Null before anything is frozen.
     */
    static String inputsDigest(List<EvaluationViews.Leaf> leaves) {
        String lines = leaves.stream().filter(l -> l.inputsDigest() != null)
                .map(l -> l.code() + "|" + l.frozenVersion() + "|" + l.inputsDigest() + "\n").collect(Collectors.joining());
        if (lines.isEmpty()) {
            return null;
        }
        // published beside the scores and re-checked by tools/evaluation-verifier: SHA-256 whatever the suite
        return Crypto.digestPinned(CryptoPurpose.pinned("evaluation-inputs", HashAlgorithm.SHA256),
                lines.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
