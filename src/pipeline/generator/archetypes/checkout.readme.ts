/**
 * README section of the checkout feature: the demo payment provider the app
 * ships with, which real provider to plug in, and the one class to replace.
 */

export interface CheckoutReadmeNames {
  /** Feature label, already single-line. */
  label: string;
  /** The payment interface, e.g. `CheckoutPaymentProvider`. */
  provider: string;
  /** The demo implementation the app is wired to. */
  demo: string;
  /** The result class `pay` returns. */
  result: string;
  /** Root-relative path of the file declaring the three. */
  paymentFile: string;
  /** The AppServices field holding the provider. */
  field: string;
  /** ISO 4217 code of the app's money format (USD, VND, EUR…). */
  currency: string;
  /** Decimals of that currency: Stripe takes 0-decimal currencies (VND, JPY) in whole units. */
  decimalDigits: number;
}

/** The sketch's amount in the currency's smallest unit: cents, or whole dong and yen. */
function smallestUnit(n: CheckoutReadmeNames): string {
  return n.decimalDigits === 0 ? 'amount.round()' : `(amount * ${10 ** n.decimalDigits}).round()`;
}

const STRIPE_SKETCH = (n: CheckoutReadmeNames) => `class StripePaymentProvider implements ${n.provider} {
  @override
  Future<${n.result}> pay({
    required double amount,
    required String currency,
    required String description,
  }) async {
    try {
      // Your server creates the PaymentIntent with the secret key and returns its client secret.
      final clientSecret = await createPaymentIntent(${smallestUnit(n)}, currency, description);
      await Stripe.instance.initPaymentSheet(
        paymentSheetParameters: SetupPaymentSheetParameters(
          paymentIntentClientSecret: clientSecret,
          merchantDisplayName: 'Your shop',
        ),
      );
      await Stripe.instance.presentPaymentSheet();
      return ${n.result}.approved(clientSecret.split('_secret').first);
    } on StripeException catch (error) {
      return ${n.result}.declined(error.error.localizedMessage ?? 'The payment was cancelled.');
    }
  }
}`;

export function checkoutReadme(n: CheckoutReadmeNames): string {
  return [
    `**${n.label}** charges through the \`${n.provider}\` interface (\`${n.paymentFile}\`). The app is wired to **\`${n.demo}\`**, a demo that approves every payment after a short pause and **moves no money**. Replace it before taking real orders:`,
    '',
    '1. Pick the provider:',
    '   - Physical goods and services (shop orders, bookings, deliveries): **Stripe** with the [`flutter_stripe`](https://pub.dev/packages/flutter_stripe) package and its Payment Sheet. Your server creates a PaymentIntent with the Stripe **secret** key; the app only ever holds the publishable key (`Stripe.publishableKey = ...` in `main()`). Follow the package README for the platform setup (Android: `MainActivity` extends `FlutterFragmentActivity` and uses an AppCompat/MaterialComponents theme).',
    '   - Digital content or subscriptions used inside the app: the App Store and Google Play require their own billing, through the [`in_app_purchase`](https://pub.dev/packages/in_app_purchase) package with products set up in App Store Connect and the Play Console.',
    `2. Implement \`${n.provider}\` in a new class (for example next to \`${n.paymentFile}\`). It returns \`${n.result}.approved(reference)\` or \`${n.result}.declined(message)\`; the screens show either. A Stripe sketch:`,
    '',
    '```dart',
    STRIPE_SKETCH(n),
    '```',
    '',
    `3. In \`lib/app_services.dart\`, replace \`const ${n.demo}()\` (the \`${n.field}\` field) with your provider. That is the only class to replace: the screens only know \`${n.provider}\`.`,
    '',
    `Prices are charged in \`${n.currency}\` (the cart's \`currency\` constant); Stripe expects amounts in the currency's smallest unit (${n.decimalDigits === 0 ? `\`${n.currency}\` has none: whole units` : 'cents'}), as in the sketch.`,
  ].join('\n');
}
