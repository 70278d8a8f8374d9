package com.commcredits.web.api;

import com.commcredits.recharge.RechargeService;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;

/** The body of PUT /wallet/auto-recharge read strictly (R-RECH-1, R-GUARD-4). */
final class AutoRechargeInput {
  private AutoRechargeInput() {}

  static RechargeService.Settings read(JsonObject body) {
    JsonInput in =
        JsonInput.of(
            body,
            Set.of(
                "enabled",
                "rechargeAmount",
                "triggerBelow",
                "paymentMethodId",
                "purchaseOrder",
                "mode",
                "targetBalance",
                "monthlyCap"));
    boolean enabled =
        body != null
            && body.get("enabled") != null
            && body.get("enabled").getValueType() == JsonValue.ValueType.TRUE;
    String mode = in.string("mode");
    String[] amount =
        "TARGET".equals(mode) ? in.optionalMoney("rechargeAmount") : in.money("rechargeAmount");
    String[] trigger = in.money("triggerBelow");
    Long method = in.longValue("paymentMethodId");
    String po = in.string("purchaseOrder");
    String[] target = in.optionalMoney("targetBalance");
    String[] cap = in.optionalMoney("monthlyCap");
    in.done();
    var settings =
        new RechargeService.Settings(
            enabled,
            amount[0],
            amount[1],
            trigger[0],
            trigger[1],
            method,
            po,
            mode,
            target[0],
            target[1],
            cap[0],
            cap[1]);
    return settings;
  }
}
