package uk.nhs.strategycheck.reporting;

/**
 * Turns report data into PDF bytes. Plain data in, PDF out: no Spring, no database, no
 * tenants. Templates are compiled at build time and loaded once.
 */
public interface ReportRenderer {

    byte[] trustReport(TrustReportData data);

    byte[] boardPack(BoardPackData data);

    byte[] nationalPack(NationalPackData data);
}
