package cn.antifraud.core.report;

import cn.antifraud.core.analysis.Indicator;
import cn.antifraud.core.dialogue.Options;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;
import cn.antifraud.core.indicator.IndicatorRegistry;
import cn.antifraud.kb.KnowledgeBase;
import java.math.BigDecimal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files a confirmed report: stores the case (the number is shown only after the majority-acknowledged
 * write), feeds the receivers into the known-indicator registry, and tells the victim what comes next.
 * Runs on the router's worker thread.
 */
public final class ReportFiler {
    private static final Logger LOG = Logger.getLogger(ReportFiler.class.getName());

    private final CaseStore cases;
    private final IndicatorRegistry registry;

    public ReportFiler(CaseStore cases, IndicatorRegistry registry) {
        this.cases = cases;
        this.registry = registry;
    }

    Turn file(ReportForm f, TurnContext ctx) {
        String scamType = f.scamType() == null ? KnowledgeBase.NONE : f.scamType();
        CaseDraft draft = new CaseDraft(f.s.getString("reportId"), ctx.conversation().id(), ctx.channel(), scamType,
            f.s.getBoolean("scamTypeConfirmed", false), f.story(), f.lostAt(), f.lostAtText(), f.ongoing(),
            f.amount() == null ? BigDecimal.ZERO : new BigDecimal(f.amount()),
            f.method(), f.receiverIndicators(), f.receiverNote(), f.phone(), f.name(), f.district(),
            f.urgent());
        CaseStore.Filed filed;
        try {
            filed = cases.file(draft);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "filing a report failed (conversation " + ctx.conversation().id() + "): " + e.getClass().getSimpleName());
            return Turn.reply("抱歉，系统刚才没能保存您的报案，信息都还在。请稍后回复“确认提交”再试一次；情况紧急请直接拨打110。",
                ReportTexts.SUBMIT).flow(f.s);
        }
        String caseNo = filed.caseNo();
        if (filed.created()) {
            countReceivers(f, scamType, caseNo);
        }
        LOG.info("case " + caseNo + " filed (urgent " + f.urgent() + ", " + f.receivers().size() + " receivers, phone "
            + CaseStore.maskedPhone(f.phone()) + ")");
        StringBuilder sb = new StringBuilder("您的报案已经提交，案件编号是：").append(caseNo)
            .append("\n请记好这个编号和您留的手机号，以后可以凭它们在这里查询办理进度。");
        if (f.urgent()) {
            sb.append("\n\n您的案件已标为紧急止付，值班民警会优先处理，请保持电话畅通。同时请继续联系银行或支付平台冻结这笔交易。");
        } else {
            sb.append("\n\n民警会尽快审核，需要时会打您留的电话联系您。请保留好所有转账记录和聊天记录。");
        }
        sb.append("\n\n").append(ReportTexts.RECOVERY_WARNING);
        // No dead end after filing: the case number is only useful with a way to look it up.
        Turn turn = Turn.reply(sb.toString(), Options.CASE_STATUS, Options.CHECK_MORE, Options.LEARN).flow(null).caseFiled(caseNo);
        return ReportFlow.confirmedType(f, turn);
    }

    /** Feeds the receivers to the known-indicator registry; a failure here must not hide the case number. */
    private void countReceivers(ReportForm f, String scamType, String caseNo) {
        for (Indicator i : f.receiverIndicators()) {
            try {
                registry.recordReport(i.type(), i.value(), scamType);
            } catch (RuntimeException e) {
                LOG.warning("case " + caseNo + ": indicator " + i.masked() + " not counted: " + e.getClass().getSimpleName());
            }
        }
    }
}
