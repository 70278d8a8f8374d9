package com.commcredits.web.api;

import com.commcredits.guard.SpendCaps;
import com.commcredits.guard.SpendGuard;
import com.commcredits.guard.UserMonthSpend;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.Set;

/** The spend guard's bodies (R-GUARD-1): a user's caps, the organisation's brake. */
public final class SpendGuardJson {
  private SpendGuardJson() {}

  /** A user's caps (null: none) with what the user spent this month. */
  public record UserLimitJson(
      String upn, MoneyJson monthly, MoneyJson internationalMonthly, MonthJson thisMonth) {
    static UserLimitJson of(SpendCaps.UserGuard g) {
      String currency = g.currency();
      UserMonthSpend m = g.thisMonth();
      return new UserLimitJson(
          g.user().upn(),
          money(g.limit().monthly(), currency),
          money(g.limit().internationalMonthly(), currency),
          new MonthJson(
              MoneyJson.of(m.spend(), currency),
              MoneyJson.of(m.internationalSpend(), currency),
              m.minutes(),
              m.calls()));
    }
  }

  /** This month's counters. */
  public record MonthJson(
      MoneyJson spend, MoneyJson internationalSpend, long minutes, long calls) {}

  /** The brake: its limits (null: off), the spend in its windows now, whether it holds. */
  public record ControlsJson(
      MoneyJson internationalPerHour,
      MoneyJson internationalPerDay,
      MoneyJson internationalLastHour,
      MoneyJson internationalLastDay,
      boolean holds) {
    static ControlsJson of(SpendGuard.BrakeView b, String currency) {
      return new ControlsJson(
          money(b.controls().internationalPerHour(), currency),
          money(b.controls().internationalPerDay(), currency),
          MoneyJson.of(b.lastHour(), currency),
          MoneyJson.of(b.lastDay(), currency),
          b.holds());
    }
  }

  static SpendCaps.LimitInput limitInput(JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("monthly", "internationalMonthly"));
    String[] monthly = in.optionalMoney("monthly");
    String[] international = in.optionalMoney("internationalMonthly");
    in.done();
    return new SpendCaps.LimitInput(monthly[0], monthly[1], international[0], international[1]);
  }

  static SpendGuard.ControlsInput controlsInput(JsonObject body) {
    JsonInput in = JsonInput.of(body, Set.of("internationalPerHour", "internationalPerDay"));
    String[] hour = in.optionalMoney("internationalPerHour");
    String[] day = in.optionalMoney("internationalPerDay");
    in.done();
    return new SpendGuard.ControlsInput(hour[0], hour[1], day[0], day[1]);
  }

  private static MoneyJson money(BigDecimal amount, String currency) {
    return amount == null ? null : MoneyJson.of(amount, currency);
  }
}
