package cn.anju.demo;

import cn.anju.disclosure.InformationDelivery;
import cn.anju.disclosure.InformationReply;
import cn.anju.disclosure.InformationRequestDesk;
import cn.anju.disclosure.InformationRequests;
import cn.anju.shared.files.Upload;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Demo requests for information (依申请公开): a resident asks 榆阳区 for its rent standard and the basis for it and is
 * answered ten days later with the document; a researcher asks 神木区 for a year of occupancy figures by project, and
 * the leader extends the time to answer because the figures are being gathered from the projects' files.
 */
@Component
@Profile("demo")
class DemoInformationRequests {

    private final DemoActs acts;
    private final DemoPdfs pdfs;
    private final InformationRequestDesk desk;
    private final InformationRequests requests;

    DemoInformationRequests(DemoActs acts, DemoPdfs pdfs, InformationRequestDesk desk, InformationRequests requests) {
        this.acts = acts;
        this.pdfs = pdfs;
        this.desk = desk;
        this.requests = requests;
    }

    /** Returns how many requests were filed. */
    int make() {
        LocalDate today = acts.today();
        LocalDate asked = today.minusDays(30);
        String yuyang = acts.anonymously(acts.at(asked, 10), () -> desk.submit(new InformationRequestDesk.Application("610802", "王建国",
                "13800001234", "申请公开榆阳区现行公租房租金标准，以及制定该标准所依据的文件（文件名称、文号）。", "了解本人承租住房的租金计算依据",
                InformationDelivery.ONLINE, UUID.nameUUIDFromBytes("demo-request-yuyang".getBytes())))).caseNumber();
        long yuyangId = id("yuyang.gov", yuyang);
        acts.run(acts.at(asked.plusDays(10), 15), "yuyang.gov", u -> requests.answer(u, yuyangId, InformationReply.DISCLOSED,
                "您申请的信息予以公开。榆阳区现行公租房租金标准及其制定依据见附件，也可在“信息公开”页“租金标准”栏目查阅。", List.of(new Upload(
                        "榆阳区公租房租金标准.pdf", pdfs.document("榆阳区公租房租金标准（答复附件）", "一、租金标准按项目和户型核定，以元/平方米·月计。",
                                "二、制定依据：榆林市公共租赁住房管理办法及本区租金核定文件。", "三、本标准自发布之日起执行，动态调整时另行公布。"))), null));

        LocalDate researcher = today.minusDays(25);
        String shenmu = acts.anonymously(acts.at(researcher, 9), () -> desk.submit(new InformationRequestDesk.Application("610881",
                "陕西某大学住房政策课题组", "housing.study@example.edu.cn", "申请获取神木区各公租房项目近一年的月度入住率和空置套数统计。", "学术研究",
                InformationDelivery.EMAIL, UUID.nameUUIDFromBytes("demo-request-shenmu".getBytes())))).caseNumber();
        long shenmuId = id("shenmu.gov", shenmu);
        acts.run(acts.at(researcher.plusDays(12), 11), "shenmu.leader", u -> requests.extend(u, shenmuId,
                "所需统计涉及全区各项目一年的运营档案，需逐项目汇总核实，经分管领导同意延长答复期限。", null));
        return 2;
    }

    private long id(String officer, String caseNumber) {
        return acts.now(officer, u -> requests.list(u, null).stream().filter(r -> r.caseNumber().equals(caseNumber)).findFirst()
                .orElseThrow().id());
    }
}
