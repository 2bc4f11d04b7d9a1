/**
 * The order a checkout saves after each approved payment, when the app lists
 * orders ("Orders", "Commandes", "Order products"): its lines as one line of
 * text, the total the payment server charged, the time, paid, and the
 * payment's reference, saved through the orders repository so it shows in that
 * list on every backend. Apps without an orders screen save nothing (the
 * payment provider's dashboard has the payments).
 */
import { dartString, singleLine } from '../dart-string';
import { IDS_PATH } from '../data/entity-files';
import type { EntityPlan, PlannedFeature } from '../plan/app-plan';
import { checkoutOrderEntity, ORDER_FIELD_NAMES } from '../plan/checkout-data';
import { dartText, fill, uiText } from '../ui-text';
import type { FeatureContext } from './archetype';
import { checkoutText } from './checkout.text';
import { fromFeatureDir } from './feature-dart.shared';

/** Where the checkout saves its orders: their entity and the screen that lists them. */
export interface CheckoutOrders {
  entity: EntityPlan;
  screen: PlannedFeature;
}

/** Whether the checkout can build an order: every required field is one it fills (or a bool). */
function fillable(entity: EntityPlan): boolean {
  const known = new Set<string>(Object.values(ORDER_FIELD_NAMES));
  return entity.fields.every((field) => !field.required || field.type === 'bool' || known.has(field.name));
}

/** The orders the checkout of `ctx` saves to, when the app has an orders screen it can fill. */
export function checkoutOrders(ctx: FeatureContext): CheckoutOrders | undefined {
  const entity = checkoutOrderEntity(ctx.plan);
  if (!entity || !fillable(entity)) return undefined;
  const screen = ctx.plan.features.find(
    (feature) => feature.archetype === 'entity' && feature.entity === entity.className,
  );
  return screen ? { entity, screen } : undefined;
}

/** Imports the order screen needs to save an order. */
export function orderImports(o: CheckoutOrders): string[] {
  return [fromFeatureDir(IDS_PATH), fromFeatureDir(o.entity.paths.model), fromFeatureDir(o.entity.paths.repository)];
}

/** The widget parameter holding the orders repository (order screen and shop screen alike). */
export function ordersField(o: CheckoutOrders): string {
  return `

  /// Where each paid order is saved; it shows in ${singleLine(o.screen.names.label)}.
  final ${o.entity.className}Repository orders;`;
}

/** `_saveOrder`: the paid order into the orders repository; the reason it failed, else null. */
export function saveOrderDart(o: CheckoutOrders, line: string): string {
  const f = ORDER_FIELD_NAMES;
  return `

  /// Saves the paid order so it shows in the orders list. Returns why that
  /// failed, or null; the payment went through either way.
  Future<String?> _saveOrder(
    List<${line}> lines,
    double paid,
    String? reference,
  ) async {
    try {
      await widget.orders.save(
        ${o.entity.className}(
          id: newId(),
          ${f.items}: lines
              .map((line) => '\${line.quantity} × \${line.product.displayTitle}')
              .join(', '),
          ${f.total}: paid,
          ${f.time}: DateTime.now(),
          ${f.paid}: true,
          ${f.reference}: reference,
        ),
      );
      return null;
    } catch (error) {
      return userMessage(error);
    }
  }`;
}

/** The receipt's line saying where the order went, or why it was not saved. */
export function receiptNoteDart(ctx: FeatureContext, o: CheckoutOrders): string {
  const t = checkoutText(ctx.plan);
  const saved = dartString(fill(t.orderSaved, { orders: o.screen.names.label }));
  const failed = dartText(fill(t.orderNotSaved, { orders: o.screen.names.label }), { error: 'notSaved' });
  return `
            const SizedBox(height: 12),
            Text(
              notSaved == null
                  ? ${saved}
                  : ${failed},
              textAlign: TextAlign.center,
              style: notSaved == null ? null : TextStyle(color: theme.colorScheme.error),
            ),`;
}

/** Widget-test lines: the approved payment's order is in the repository, with the server's total. */
export function savedOrderTest(ctx: FeatureContext, o: CheckoutOrders, total: string): string {
  const t = checkoutText(ctx.plan);
  const f = ORDER_FIELD_NAMES;
  return `
    expect(find.text(${dartString(fill(t.orderSaved, { orders: o.screen.names.label }))}), findsOneWidget);
    final saved = await orders.fetchAll();
    expect(saved, hasLength(1));
    expect(saved.single.${f.total}, ${total});
    expect(saved.single.${f.paid}, isTrue);
    expect(saved.single.${f.reference}, 'TEST-1');`;
}

/**
 * The widget test of a failing orders list: the payment still shows as done and the receipt says the
 * order was not saved. `pump` writes the test's set-up with a paying provider and failing orders.
 */
export function notSavedTest(
  ctx: FeatureContext,
  fake: string,
  pump: (provider: string, ordersFail: boolean) => string,
): string {
  const t = uiText(ctx.plan);
  const notSaved = checkoutText(ctx.plan).orderNotSaved.split('{error}')[0];
  return `

  testWidgets('says so on the receipt when the paid order could not be saved', (tester) async {
${pump(`${fake}()`, true)}

    expect(find.text(${dartString(t.paymentSuccessful)}), findsOneWidget);
    expect(find.textContaining(${dartString(notSaved)}), findsOneWidget);
  });`;
}
