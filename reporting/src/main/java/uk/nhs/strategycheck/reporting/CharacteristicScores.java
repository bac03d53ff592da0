package uk.nhs.strategycheck.reporting;

import java.math.BigDecimal;

/**
 * One characteristic's figures for one trust: its score (null without an approved
 * assessment), its score last cycle, and the medians it is compared with, each with the number
 * of trusts it is over ({@link MedianFigure#NONE} where there is none). A report withholds every
 * median of fewer than three trusts, whoever asks for it: a PDF may leave the ICS.
 */
public record CharacteristicScores(int position, String code, String name, BigDecimal score, BigDecimal previous,
                                   MedianFigure icsMedian, MedianFigure nationalMedian, MedianFigure peerMedian) {

    public CharacteristicScores {
        icsMedian = icsMedian == null ? MedianFigure.NONE : icsMedian;
        nationalMedian = nationalMedian == null ? MedianFigure.NONE : nationalMedian;
        peerMedian = peerMedian == null ? MedianFigure.NONE : peerMedian;
    }
}
