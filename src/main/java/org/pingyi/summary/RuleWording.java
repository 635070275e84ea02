package org.pingyi.summary;

import java.util.List;
import java.util.stream.Collectors;
import org.pingyi.form.Fraction;
import org.pingyi.form.ScaleOption;
import org.pingyi.form.Threshold;

/** The wording of the form's settings as printed under the tables and in the flags: 超过三分之一, 过半数. */
final class RuleWording {
  private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private RuleWording() {
  }

  /** 三分之一（1/3）; shares with terms above ten are written 11/12 only. */
  static String fraction(Fraction f) {
    String digits = f.numerator() + "/" + f.denominator();
    if (f.denominator() > 10 || f.numerator() > 10) return digits;
    return NUMERALS[f.denominator()] + "分之" + NUMERALS[f.numerator()] + "（" + digits + "）";
  }

  /** 三分之一, without the digits, for a flag cell. */
  static String shortFraction(Fraction f) {
    if (f.denominator() > 10 || f.numerator() > 10) return f.numerator() + "/" + f.denominator();
    return NUMERALS[f.denominator()] + "分之" + NUMERALS[f.numerator()];
  }

  static boolean reaches(Threshold threshold) {
    return Threshold.REACHES.equals(threshold.comparison());
  }

  static String verb(Threshold threshold) {
    return reaches(threshold) ? "达到" : "超过";
  }

  /** 过半数 for the default rule, else the rule itself (得票达到三分之二). */
  static String majorityFlag(Threshold majority) {
    boolean half = majority.share().numerator() * 2 == majority.share().denominator();
    return half && !reaches(majority) ? "过半数" : "得票" + verb(majority) + shortFraction(majority.share());
  }

  /** The labels of the options joined with "＋", e.g. 好＋较好. */
  static String plus(List<ScaleOption> options) {
    return options.stream().map(ScaleOption::label).collect(Collectors.joining("＋"));
  }

  static List<ScaleOption> favourable(List<ScaleOption> options) {
    return options.stream().filter(ScaleOption::favourable).toList();
  }

  /** 认同率 on an 认同 scale, 好评率 elsewhere. */
  static String favourableLabel(List<ScaleOption> options) {
    return options.stream().anyMatch(o -> o.label().equals("认同")) ? "认同率" : "好评率";
  }
}
