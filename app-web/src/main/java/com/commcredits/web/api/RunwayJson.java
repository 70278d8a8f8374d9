package com.commcredits.web.api;

import com.commcredits.wallet.RunwayForecast;
import jakarta.json.bind.annotation.JsonbNillable;

/**
 * The wallet's runway in the API (R-SEE-1): how long the balance lasts at the last 30 days' pace;
 * {@code days} and {@code depletesOn} are null (written, not left out) when nothing was spent.
 */
@JsonbNillable
public record RunwayJson(Integer days, String depletesOn, MoneyJson dailySpend, String basis) {
  static RunwayJson of(RunwayForecast f) {
    return new RunwayJson(
        f.days(),
        f.depletesOn() == null ? null : f.depletesOn().toString(),
        MoneyJson.of(f.dailySpend()),
        RunwayForecast.BASIS);
  }
}
