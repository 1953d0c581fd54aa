package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.metrics.Rle;

class PredictionCsvTest {
  /** A 4 x 4 mask with the pixels {@code (y, x)} set. */
  private static Rle mask(int... yx) {
    boolean[] m = new boolean[16];
    for (int i = 0; i < yx.length; i += 2) {
      m[yx[i] * 4 + yx[i + 1]] = true;
    }
    return Rle.encode(m, 4, 4);
  }

  private static Prediction prediction(List<Lesion> lesions) {
    return new Prediction(
        "a.png", 4, 4, new float[] {-1f, 0f, 2f}, new float[] {0.1f, 0.2f, 0.7f}, lesions, null);
  }

  @Test
  void overlappingLesionsCountOnceInTheArea() {
    // a: rows 0-1 x cols 0-1 (4 px); b: rows 1-2 x cols 1-2 (4 px); overlap (1, 1): union 7 of 16
    Lesion a = new Lesion(new float[] {0, 0, 2, 2}, 0.9f, mask(0, 0, 0, 1, 1, 0, 1, 1));
    Lesion b = new Lesion(new float[] {1, 1, 3, 3}, 0.8f, mask(1, 1, 1, 2, 2, 1, 2, 2));
    assertEquals(7 / 16.0, prediction(List.of(a, b)).lesionAreaFraction(), 0);
    assertEquals(
        "a.png,COVID-19,0.1,0.2,0.7,2,0.437500,a",
        PredictionCsv.row("a.png", prediction(List.of(a, b))));
  }

  @Test
  void truthAddsItsLesionsAndFoundOnes() {
    Lesion a = new Lesion(new float[] {0, 0, 2, 2}, 0.9f, mask(0, 0, 0, 1, 1, 0, 1, 1));
    TruthLesion same = new TruthLesion(new float[] {0, 0, 2, 2}, 4, a.mask());
    TruthLesion other = new TruthLesion(new float[] {3, 3, 4, 4}, 1, mask(3, 3));
    TruthMatch truth = TruthMatch.of(List.of(a), List.of(same, other));
    assertEquals(PredictionCsv.HEADER + ",truth_lesions,truth_found", PredictionCsv.header(true));
    assertEquals(PredictionCsv.HEADER, PredictionCsv.header(false));
    assertEquals(
        "a.png,COVID-19,0.1,0.2,0.7,1,0.250000,a,2,1",
        PredictionCsv.row("a.png", prediction(List.of(a)), truth));
    assertEquals(
        PredictionCsv.row("a.png", prediction(List.of(a))),
        PredictionCsv.row("a.png", prediction(List.of(a)), null));
  }

  @Test
  void theCollectionIsTheFileNames() {
    assertEquals(
        "scans/2_ucsd_covid_0100.png,COVID-19,0.1,0.2,0.7,0,0.000000,ucsd",
        PredictionCsv.row("scans/2_ucsd_covid_0100.png", prediction(List.of())));
  }

  @Test
  void noLesionsIsZeroArea() {
    assertEquals(
        "x.png,COVID-19,0.1,0.2,0.7,0,0.000000,x",
        PredictionCsv.row("x.png", prediction(List.of())));
  }

  @Test
  void aFileNameWithACommaOrQuoteIsQuoted() {
    assertEquals("\"scans/a,b.png\"", PredictionCsv.quote("scans/a,b.png"));
    assertEquals("\"say \"\"hi\"\".png\"", PredictionCsv.quote("say \"hi\".png"));
    assertEquals(8, PredictionCsv.HEADER.split(",").length);
  }
}
