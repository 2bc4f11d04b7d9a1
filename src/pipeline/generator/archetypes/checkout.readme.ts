/**
 * README section of the checkout feature: the demo payment provider the app
 * ships with, the server part the developer deploys for the app's backend
 * (it prices the order from its own product records: the app never says what
 * to charge), the one class to replace in the app, and where paid orders go.
 */
import { dartString } from '../dart-string';
import type { BackendKind } from '../plan/app-plan';

export interface CheckoutReadmeNames {
  /** Feature label, already single-line. */
  label: string;
  /** The payment interface, e.g. `CheckoutPaymentProvider`. */
  provider: string;
  /** The demo implementation the app is wired to. */
  demo: string;
  /** The result class `pay` returns. */
  result: string;
  /** The order line class `pay` takes (a product id and a quantity). */
  item: string;
  /** Root-relative path of the file declaring the four. */
  paymentFile: string;
  /** Root-relative path of the order screen (it calls `pay` and saves the order). */
  orderFile: string;
  /** The AppServices field holding the provider. */
  field: string;
  /** ISO 4217 code of the app's money format (USD, VND, EUR…). */
  currency: string;
  /** Decimals of that currency: Stripe takes 0-decimal currencies (VND, JPY) in whole units. */
  decimalDigits: number;
  /** The app's backend: where the server part lives and how the app calls it. */
  backend: BackendKind;
  /** Whether the app signs users in (the server then only prices orders of signed-in users). */
  signsIn: boolean;
  /** App name, already single-line, for the payment sheet. */
  appName: string;
  /** What is sold: its plural label, table/collection/path and the price's column (SQL) and JSON key. */
  products: { label: string; table: string; priceColumn: string; priceKey: string };
  /** The orders screen paid orders are saved to, when the app has one. */
  orders?: { label: string; className: string };
}

/** The server's pricing, shared by every backend's sketch. */
function priceOrderSketch(n: CheckoutReadmeNames): string {
  return `// The shop's currency and its smallest unit: the server's, never the app's word for it.
export const CURRENCY = '${n.currency.toLowerCase()}';
export const UNIT = ${10 ** n.decimalDigits};

export interface OrderItem {
  productId: string;
  quantity: number;
}

/** The amount to charge (in the smallest unit) for items priced from \`prices\`, read by the server. */
export function priceOrder(
  items: OrderItem[],
  currency: string,
  shownTotal: number,
  prices: Map<string, number>,
): number {
  if (String(currency).toLowerCase() !== CURRENCY) throw new Error('Wrong currency');
  if (!Array.isArray(items) || items.length === 0) throw new Error('The order is empty');
  let total = 0;
  for (const { productId, quantity } of items) {
    const price = prices.get(productId);
    if (price === undefined || !Number.isInteger(quantity) || quantity < 1) {
      throw new Error('Unknown product or quantity');
    }
    total += price * quantity;
  }
  const amount = Math.round(total * UNIT);
  // The customer agreed to the total they saw: a changed price is declined, not charged.
  if (amount !== Math.round(Number(shownTotal) * UNIT)) throw new Error('Prices changed: reload and try again');
  return amount;
}`;
}

interface ServerPart {
  /** Where the pricing file goes. */
  priceFile: string;
  /** The intro sentence of the server step. */
  intro: string;
  /** The server code calling `priceOrder`. */
  code: string;
  /** How to deploy it. */
  deploy: string;
  /** Dart lines of `pay` that ask the server and leave its answer in `data`. */
  call: string;
  /** Imports and packages the Dart sketch needs besides `flutter_stripe`. */
  needs: string;
}

function supabaseServer(n: CheckoutReadmeNames): ServerPart {
  return {
    priceFile: 'supabase/functions/_shared/price-order.ts',
    intro: `A Supabase Edge Function, \`supabase/functions/create-payment-intent/index.ts\`, reads the prices from the \`${n.products.table}\` table with the service role key (it never leaves the server) and creates the PaymentIntent:`,
    code: `import Stripe from 'npm:stripe@17';
import { createClient } from 'npm:@supabase/supabase-js@2';
import { CURRENCY, priceOrder, UNIT } from '../_shared/price-order.ts';

const stripe = new Stripe(Deno.env.get('STRIPE_SECRET_KEY')!);
const db = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);

Deno.serve(async (req) => {
  try {
    const { items, currency, shownTotal, description } = await req.json();
    const ids = items.map((item: { productId: string }) => item.productId);
    const { data, error } = await db.from('${n.products.table}').select('id, ${n.products.priceColumn}').in('id', ids);
    if (error) throw error;
    const prices = new Map(data.map((row) => [row.id, Number(row.${n.products.priceColumn})]));
    const amount = priceOrder(items, currency, shownTotal, prices);
    const intent = await stripe.paymentIntents.create({ amount, currency: CURRENCY, description });
    return Response.json({ clientSecret: intent.client_secret, amount: amount / UNIT });
  } catch (error) {
    return Response.json({ error: (error as Error).message }, { status: 400 });
  }
});`,
    deploy:
      'Deploy it with `supabase secrets set STRIPE_SECRET_KEY=sk_...` and `supabase functions deploy create-payment-intent` (Supabase passes `SUPABASE_URL` and `SUPABASE_SERVICE_ROLE_KEY` to functions itself).',
    call: `      final response = await Supabase.instance.client.functions.invoke(
        'create-payment-intent',
        body: request,
      );
      final data = response.data as Map<String, dynamic>;`,
    needs: '`supabase_flutter` (already in the app)',
  };
}

function firebaseServer(n: CheckoutReadmeNames): ServerPart {
  const auth = n.signsIn ? `\n  if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in to pay.');` : '';
  return {
    priceFile: 'functions/src/price-order.ts',
    intro: `A callable Cloud Function, \`createPaymentIntent\` in \`functions/src/index.ts\`, reads the prices from the \`${n.products.table}\` collection with the Admin SDK and creates the PaymentIntent:`,
    code: `import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { defineSecret } from 'firebase-functions/params';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import Stripe from 'stripe';
import { CURRENCY, priceOrder, UNIT } from './price-order';

initializeApp();
const stripeKey = defineSecret('STRIPE_SECRET_KEY');

export const createPaymentIntent = onCall({ secrets: [stripeKey] }, async (request) => {${auth}
  const { items, currency, shownTotal, description } = request.data;
  const db = getFirestore();
  const docs = await db.getAll(
    ...items.map((item: { productId: string }) => db.collection('${n.products.table}').doc(item.productId)),
  );
  const prices = new Map(docs.filter((doc) => doc.exists).map((doc) => [doc.id, Number(doc.get('${n.products.priceKey}'))]));
  let amount: number;
  try {
    amount = priceOrder(items, currency, shownTotal, prices);
  } catch (error) {
    throw new HttpsError('failed-precondition', (error as Error).message);
  }
  const intent = await new Stripe(stripeKey.value()).paymentIntents.create({ amount, currency: CURRENCY, description });
  return { clientSecret: intent.client_secret, amount: amount / UNIT };
});`,
    deploy:
      'Deploy it with `firebase functions:secrets:set STRIPE_SECRET_KEY` and `firebase deploy --only functions` (Cloud Functions need the Blaze plan).',
    call: `      final result = await FirebaseFunctions.instance
          .httpsCallable('createPaymentIntent')
          .call<Object?>(request);
      final data = Map<String, Object?>.from(result.data as Map);`,
    needs: '`cloud_functions` (`flutter pub add cloud_functions`)',
  };
}

/** The REST and GraphQL servers are the developer's own: the sketch is the route's body. */
function apiServer(n: CheckoutReadmeNames, graphql: boolean): ServerPart {
  const where = `your \`${n.products.table}\` table (column \`${n.products.priceColumn}\`)`;
  const route = graphql
    ? 'a `createPaymentIntent(items: [OrderItemInput!]!, currency: String!, shownTotal: Float!, description: String!): PaymentIntent!` mutation (`input OrderItemInput { productId: ID! quantity: Int! }`, `type PaymentIntent { clientSecret: String! amount: Float! }`)'
    : 'a `POST /payments/intent` route (add it to `docs/openapi.yaml` too)';
  return {
    priceFile: 'price-order.ts (in your server)',
    intro: `Your API gets ${route}${n.signsIn ? ', behind the same sign-in as the other routes' : ''}. It reads the prices from ${where} and creates the PaymentIntent; an Express-style sketch of its body:`,
    code: `const { items, currency, shownTotal, description } = ${graphql ? 'args' : 'req.body'};
const rows = await db.query('select id, ${n.products.priceColumn} from ${n.products.table} where id = any($1)', [
  items.map((item: { productId: string }) => item.productId),
]);
const prices = new Map(rows.map((row) => [row.id, Number(row.${n.products.priceColumn})]));
const amount = priceOrder(items, currency, shownTotal, prices); // throws: answer ${graphql ? 'with a GraphQL error' : '409 with the message'}
const intent = await stripe.paymentIntents.create({ amount, currency: CURRENCY, description });
${graphql ? 'return' : 'res.json('}{ clientSecret: intent.client_secret, amount: amount / UNIT }${graphql ? ';' : ');'}`,
    deploy: 'Keep the Stripe secret key in the server\u2019s environment, never in the app.',
    call: graphql ? graphqlCall() : restCall(n),
    needs: graphql
      ? '`graphql_flutter` and the app\u2019s `GraphqlConnection` (already in the app)'
      : '`http` and `ApiConfig` (already in the app)',
  };
}

function restCall(n: CheckoutReadmeNames): string {
  const client = n.signsIn
    ? '// Send it through the app\u2019s AuthorizedClient so the server knows the customer.\n      '
    : '';
  return `      ${client}final response = await http.post(
        Uri.parse('\${ApiConfig.baseUrl}/payments/intent'),
        headers: {'Content-Type': 'application/json'},
        body: jsonEncode(request),
      );
      if (response.statusCode != 200) {
        throw ApiException.fromBody(response.statusCode, response.body);
      }
      final data = jsonDecode(response.body) as Map<String, dynamic>;`;
}

function graphqlCall(): string {
  return `      final result = await GraphqlConnection.client.mutate(
        MutationOptions(
          document: gql(r'''
            mutation CreatePaymentIntent($items: [OrderItemInput!]!, $currency: String!,
                $shownTotal: Float!, $description: String!) {
              createPaymentIntent(items: $items, currency: $currency,
                  shownTotal: $shownTotal, description: $description) { clientSecret amount }
            }'''),
          variables: request,
        ),
      );
      final exception = result.exception;
      if (exception != null) throw exception;
      final data = result.data!['createPaymentIntent'] as Map<String, dynamic>;`;
}

function serverPart(n: CheckoutReadmeNames): ServerPart | undefined {
  switch (n.backend) {
    case 'supabase':
      return supabaseServer(n);
    case 'firebase':
      return firebaseServer(n);
    case 'rest':
      return apiServer(n, false);
    case 'graphql':
      return apiServer(n, true);
    case 'none':
      return undefined;
  }
}

/** The app's provider: ask the server (`call`), then show Stripe's Payment Sheet for its PaymentIntent. */
function providerSketch(n: CheckoutReadmeNames, server: ServerPart): string {
  return `class StripePaymentProvider implements ${n.provider} {
  @override
  Future<${n.result}> pay({
    required List<${n.item}> items,
    required String currency,
    required double shownTotal,
    required String description,
  }) async {
    // Product ids and quantities only: the server prices them and answers with what it charges.
    final request = {
      'items': [for (final item in items) item.toJson()],
      'currency': currency,
      'shownTotal': shownTotal,
      'description': description,
    };
    try {
${server.call}
      final clientSecret = data['clientSecret'] as String;
      await Stripe.instance.initPaymentSheet(
        paymentSheetParameters: SetupPaymentSheetParameters(
          paymentIntentClientSecret: clientSecret,
          merchantDisplayName: ${dartString(n.appName)},
        ),
      );
      await Stripe.instance.presentPaymentSheet();
      return ${n.result}.approved(
        clientSecret.split('_secret').first,
        amount: (data['amount'] as num).toDouble(),
      );
    } on StripeException catch (error) {
      return ${n.result}.declined(error.error.localizedMessage ?? 'The payment was cancelled.');
    }
  }
}`;
}

const PROVIDERS = [
  '1. Pick the provider:',
  '   - Physical goods and services (shop orders, bookings, deliveries): **Stripe** with the [`flutter_stripe`](https://pub.dev/packages/flutter_stripe) package and its Payment Sheet. Your server creates a PaymentIntent with the Stripe **secret** key; the app only ever holds the publishable key (`Stripe.publishableKey = ...` in `main()`). Follow the package README for the platform setup (Android: `MainActivity` extends `FlutterFragmentActivity` and uses an AppCompat/MaterialComponents theme).',
  '   - Digital content or subscriptions used inside the app: the App Store and Google Play require their own billing, through the [`in_app_purchase`](https://pub.dev/packages/in_app_purchase) package with products set up in App Store Connect and the Play Console.',
];

function serverSteps(n: CheckoutReadmeNames, server: ServerPart): string[] {
  return [
    ...PROVIDERS,
    `2. Deploy the server part. The pricing, in \`${server.priceFile}\`:`,
    '',
    '```ts',
    priceOrderSketch(n),
    '```',
    '',
    `   ${server.intro}`,
    '',
    '```ts',
    server.code,
    '```',
    '',
    `   ${server.deploy}`,
    `3. Implement \`${n.provider}\` in a new class (for example next to \`${n.paymentFile}\`); it needs \`flutter_stripe\` and ${server.needs}. It returns \`${n.result}.approved(reference, amount: …)\` with the amount the server charged, or \`${n.result}.declined(message)\`; an exception shows as a failed payment. A Stripe sketch that calls the server above:`,
    '',
    '```dart',
    providerSketch(n, server),
    '```',
    '',
    `4. In \`lib/app_services.dart\`, replace \`const ${n.demo}()\` (the \`${n.field}\` field) with your provider. That is the only class to replace: the screens only know \`${n.provider}\`.`,
  ];
}

/** An app without a backend keeps its products on each device: no server can price an order. */
function offlineSteps(n: CheckoutReadmeNames): string[] {
  return [
    `This app has no backend: its ${n.products.label.toLowerCase()} and their prices live on each device, so no server could price an order, and a card payment would charge whatever the app says. Keep the demo provider for trying the app (or rename it for a till whose sales are paid in cash), and before taking card payments generate the app with a backend (Supabase, Firebase, REST or GraphQL): its README then shows the server part that prices the order, and the \`${n.provider}\` to write.`,
  ];
}

function ordersNote(n: CheckoutReadmeNames): string {
  if (!n.orders) {
    return 'The checkout saves no order (the app has no orders screen it can fill): the payments are in your provider\u2019s dashboard. Add an "Orders" screen to the spec to have the app save each paid order.';
  }
  const written =
    n.backend === 'none'
      ? ''
      : ` That row is written by the customer\u2019s app: before you ship, check its payment reference in your Stripe dashboard, or have your server write the order from Stripe\u2019s \`payment_intent.succeeded\` webhook and remove \`_saveOrder\` from \`${n.orderFile}\`.`;
  return `After an approved payment the app saves the order to **${n.orders.label}** (\`${n.orders.className}\`: the items, the total charged, the time, paid, the payment reference) through its repository, so it shows in that list.${written}`;
}

/** The README section: the demo, the server part for the app's backend, the provider to write, the orders. */
export function checkoutReadme(n: CheckoutReadmeNames): string {
  const server = serverPart(n);
  const request = `\`pay\` gets the cart's items (\`${n.item}\`: a product id and a quantity), the currency and the total the customer saw`;
  return [
    `**${n.label}** charges through the \`${n.provider}\` interface (\`${n.paymentFile}\`). The app is wired to **\`${n.demo}\`**, a demo that approves every payment after a short pause and **moves no money**. Replace it before taking real orders.`,
    '',
    server
      ? `The app never says what to charge: ${request}. The server reads each price from its own ${n.products.label.toLowerCase()}, declines when its total differs from the one shown (a price changed meanwhile), and charges its own total; the receipt shows what it charged.`
      : `The app never says what to charge: ${request}, for a server that prices the items itself.`,
    '',
    ...(server ? serverSteps(n, server) : offlineSteps(n)),
    '',
    ordersNote(n),
    ...(server
      ? [
          '',
          `Prices are charged in \`${n.currency}\` (the cart's \`currency\` constant, and \`CURRENCY\` on the server); Stripe expects amounts in the currency's smallest unit (${n.decimalDigits === 0 ? `\`${n.currency}\` has none: whole units` : 'cents'}), as \`UNIT\` does.`,
        ]
      : []),
  ].join('\n');
}
