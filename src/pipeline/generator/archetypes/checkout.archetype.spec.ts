import { describe, expect, it } from 'vitest';
import { dartString } from '../dart-string';
import { fill, uiText } from '../ui-text';
import { checkoutArchetype as template } from './checkout.archetype';
import {
  BACKENDS,
  contextFor,
  expectSoundFeature,
  fileContent,
  hostile,
  appSpec,
} from './testing/archetype-spec-helpers';

const LABELS = [
  'Checkout',
  'Payments',
  'Shopping cart',
  'Cart',
  hostile('checkout'),
  'Carrito',
  'Thanh toán',
  'Warenkorb',
  '购物车',
];

describe('checkoutArchetype', () => {
  for (const backend of BACKENDS) {
    for (const label of LABELS) {
      it(`writes a sound feature for ${JSON.stringify(label)} on ${backend}`, async () => {
        const ctx = contextFor(appSpec([label], { backend }), 'checkout');
        expect(ctx.feature.entity).toBe('Product');
        await expectSoundFeature(template, ctx);
      });
    }
  }

  it('lists products, keeps a cart and pays through a provider interface', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const files = template.files(ctx);
    const payment = fileContent(files, `${ctx.feature.paths.dir}/checkout_payment.dart`);
    expect(payment).toContain('abstract interface class CheckoutPaymentProvider {');
    // What was ordered, never an amount to charge: the server prices the items.
    expect(payment).toMatch(
      /Future<CheckoutPaymentResult> pay\(\{\s+required List<CheckoutOrderItem> items,\s+required String currency,\s+required double shownTotal,\s+required String description,\s+\}\);/,
    );
    expect(payment).toContain(
      "Map<String, Object?> toJson() => {\n        'productId': productId,\n        'quantity': quantity,",
    );
    expect(payment).not.toContain('required double amount,');
    expect(payment).toContain('class CheckoutDemoPaymentProvider implements CheckoutPaymentProvider');
    expect(payment).toContain('DEMO ONLY');
    const cart = fileContent(files, `${ctx.feature.paths.dir}/checkout_cart.dart`);
    expect(cart).toContain('class CheckoutCart extends ChangeNotifier');
    expect(cart).toContain('double get unitPrice => product.price;');
    expect(cart).toContain('return stock == null || quantityOf(product) < stock;');
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain('await widget.products.fetchAll()');
    expect(screen).toContain("tooltip: 'Add to cart'");
    expect(screen).toContain('formatMoney(_cart.total)');
    const order = fileContent(files, `${ctx.feature.paths.dir}/checkout_order_screen.dart`);
    expect(order).toContain('await widget.payments.pay(');
    expect(order).toContain('items: cart.items,');
    expect(order).toContain('final paid = result.amount ?? shownTotal;');
    expect(cart).toContain('CheckoutOrderItem(productId: line.product.id, quantity: line.quantity)');
    expect(order).toContain("'Payment successful'");
    expect(order).toContain("result.message ?? 'The payment was declined.'");
    expect(template.screenBuilder(ctx)).toBe(
      'CheckoutScreen(products: services.products, payments: services.checkoutPayments)',
    );
    expect(template.services?.(ctx)).toEqual([
      {
        field: 'checkoutPayments',
        type: 'CheckoutPaymentProvider',
        typeImport: 'features/checkout/checkout_payment.dart',
        create: 'const CheckoutDemoPaymentProvider()',
        createImports: [],
        fake: 'CheckoutFakePaymentProvider()',
        fakeImport: 'test/support/checkout_fakes.dart',
      },
    ]);
    expect(template.dependencies(ctx)).toEqual({});
  });

  it('does not double the word cart in class names', () => {
    const ctx = contextFor(appSpec(['Shopping cart']), 'checkout');
    const cart = fileContent(template.files(ctx), `${ctx.feature.paths.dir}/shopping_cart_cart.dart`);
    expect(cart).toContain('class ShoppingCart extends ChangeNotifier');
    expect(cart).toContain('class ShoppingCartLine {');
  });

  it('tests two products, the total, an approved and a declined payment', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const test = fileContent(template.files(ctx), ctx.feature.paths.test);
    expect(test).toContain('InMemoryProductRepository(');
    expect(test).toContain("await tester.tap(find.byTooltip('Add to cart').at(1));");
    expect(test).toContain('expect(find.text(formatMoney(37.5)), findsOneWidget);');
    expect(test).toContain("expect(find.text('Payment successful'), findsOneWidget);");
    expect(test).toContain("CheckoutFakePaymentProvider(declineWith: 'Card declined')");
    expect(test).toContain("expect(find.text('Card declined'), findsOneWidget);");
  });

  it('names the real provider and the one class to replace in the README', () => {
    const ctx = contextFor(appSpec(['Payments'], { backend: 'supabase' }), 'checkout');
    const readme = template.readme?.(ctx) ?? '';
    expect(readme).toContain('flutter_stripe');
    expect(readme).toContain('in_app_purchase');
    expect(readme).toContain('PaymentsDemoPaymentProvider');
    expect(readme).toContain('lib/app_services.dart');
    expect(readme).toContain('implements PaymentsPaymentProvider');
  });

  // What the developer deploys prices the order from the product records; the app calls it as written.
  const SERVER_PARTS: ReadonlyArray<readonly [string, readonly string[]]> = [
    [
      'supabase',
      [
        "await db.from('products').select('id, price').in('id', ids)",
        'supabase functions deploy create-payment-intent',
        "Supabase.instance.client.functions.invoke(\n        'create-payment-intent',",
      ],
    ],
    [
      'firebase',
      [
        "db.collection('products').doc(item.productId)",
        "Number(doc.get('price'))",
        'export const createPaymentIntent = onCall({ secrets: [stripeKey] }, async (request) => {',
        ".httpsCallable('createPaymentIntent')",
      ],
    ],
    ['rest', ['a `POST /payments/intent` route', "Uri.parse('${ApiConfig.baseUrl}/payments/intent')"]],
    ['graphql', ['createPaymentIntent(items: [OrderItemInput!]!', 'GraphqlConnection.client.mutate(']],
  ];

  for (const [backend, snippets] of SERVER_PARTS) {
    it(`writes the ${backend} server part that prices the order itself, and the provider calling it`, () => {
      const readme = template.readme?.(contextFor(appSpec(['Checkout'], { backend }), 'checkout')) ?? '';
      for (const snippet of snippets) expect(readme, snippet).toContain(snippet);
      expect(readme).toContain('amount = priceOrder(items, currency, shownTotal, prices);');
      expect(readme).toContain("'items': [for (final item in items) item.toJson()],");
      expect(readme).toContain("amount: (data['amount'] as num).toDouble(),");
      // The app never sends an amount to charge.
      expect(readme).not.toMatch(/\(amount \* \d+\)\.round\(\)/);
    });
  }

  it('tells an app without a backend that no server can price its orders', () => {
    const readme = template.readme?.(contextFor(appSpec(['Checkout']), 'checkout')) ?? '';
    expect(readme).toContain('This app has no backend');
    expect(readme).not.toContain('priceOrder');
    expect(readme).toContain('The checkout saves no order');
  });

  for (const backend of BACKENDS) {
    it(`saves each paid order to the app's orders on ${backend}`, async () => {
      const ctx = contextFor(appSpec(['Products', 'Cart', 'Orders'], { backend }), 'checkout');
      await expectSoundFeature(template, ctx);
      const files = template.files(ctx);
      const order = fileContent(files, `${ctx.feature.paths.dir}/cart_order_screen.dart`);
      expect(order).toContain('final OrderEntryRepository orders;');
      expect(order).toMatch(/await widget\.orders\.save\(\s+OrderEntry\(\s+id: newId\(\),/);
      expect(order).toContain('total: paid,');
      expect(order).toContain('paymentReference: reference,');
      expect(order).toContain("'Your order is saved in Orders.'");
      expect(template.screenBuilder(ctx)).toBe(
        'CartScreen(products: services.products, payments: services.cartPayments, orders: services.orderEntries)',
      );
      const test = fileContent(files, ctx.feature.paths.test);
      expect(test).toContain('expect(saved.single.total, 37.5);');
      expect(test).toContain('expect((await orders.fetchAll()).single.total, 99.0);');
      expect(test).toContain('InMemoryOrderEntryRepository(failing: true)');
      expect(template.readme?.(ctx)).toContain('the app saves the order to **Orders** (`OrderEntry`');
    });
  }

  it('saves nothing when the app lists no orders', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const order = fileContent(template.files(ctx), `${ctx.feature.paths.dir}/checkout_order_screen.dart`);
    expect(order).not.toContain('_saveOrder');
    expect(order).not.toContain('orders');
  });

  it('opens the products screen from the app bar and the empty shop, and reloads on return', () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const products = ctx.plan.features.find(
      (feature) => feature.archetype === 'entity' && feature.entity === 'Product',
    );
    expect(products?.origin).toBe('app');
    const files = template.files(ctx);
    const screen = fileContent(files, ctx.feature.paths.screen);
    expect(screen).toContain("tooltip: 'Manage products',");
    // By the screen's routeName, not a copied '/products' string.
    expect(screen).toContain(`await Navigator.of(context).pushNamed(${products?.classes.screen}.routeName);`);
    expect(screen).toContain(`import '../../${products?.paths.screen.slice('lib/'.length)}';`);
    expect(screen).not.toContain(`'${products?.route}'`);
    expect(screen).toContain('if (mounted) await _reload();');
    expect(screen).toContain("child: const Text('Add products'),");
    const test = fileContent(files, ctx.feature.paths.test);
    expect(test).toContain(`'${products?.route}': (context) => Scaffold(`);
    expect(test).toContain("await tester.tap(find.byTooltip('Manage products'));");
    expect(test).toContain("await products.save(const Product(id: 'product-1'");
    expect(test).toContain('await tester.pageBack();');
    expect(test).toContain("expect(find.byTooltip('Add to cart'), findsOneWidget);");
  });

  it('offers managing the products to staff only where the app knows who is staff, and tests a customer', async () => {
    const shop = (backend: string) =>
      contextFor(
        appSpec(['Sign up', 'Products', 'Cart'], { backend, description: 'A shop: customers sign up and pay.' }),
        'checkout',
      );
    for (const backend of ['supabase', 'firebase']) {
      const ctx = shop(backend);
      await expectSoundFeature(template, ctx);
      const files = template.files(ctx);
      const screen = fileContent(files, ctx.feature.paths.screen);
      expect(screen).toContain('final StaffRecords staff => staff.canEdit,');
      expect(screen).toContain('builder: (context, _) => _canManage\n                ? IconButton(');
      expect(screen).toContain('if (_canManage) ...[');
      const test = fileContent(files, ctx.feature.paths.test);
      expect(test).toContain("testWidgets('a customer (not staff) gets no way to manage products', (tester) async {");
      expect(test).toContain('class _CustomerView extends InMemoryProductRepository implements StaffRecords {');
      expect(test).toContain("expect(find.byTooltip('Manage products'), findsNothing);");
    }
    // A REST server refuses a customer's write itself; the app offers the screen to everyone.
    const rest = template.files(shop('rest'));
    expect(fileContent(rest, shop('rest').feature.paths.screen)).not.toContain('_canManage');
    expect(fileContent(rest, shop('rest').feature.paths.test)).not.toContain('_CustomerView');
  });

  it('has no products action when the plan has no products screen', async () => {
    const ctx = contextFor(appSpec(['Checkout']), 'checkout');
    const alone = {
      ...ctx,
      plan: { ...ctx.plan, features: ctx.plan.features.filter((f) => f.archetype !== 'entity') },
    };
    await expectSoundFeature(template, alone);
    const files = template.files(alone);
    expect(fileContent(files, ctx.feature.paths.screen)).not.toContain('Manage products');
    expect(fileContent(files, ctx.feature.paths.screen)).toContain('return const Center(');
    expect(fileContent(files, ctx.feature.paths.test)).not.toContain('routes:');
  });

  it('escapes the label and the app name', () => {
    const label = hostile('checkout');
    const ctx = contextFor(appSpec([label], { name: `Bob's $hop \\` }), 'checkout');
    const files = template.files(ctx);
    expect(fileContent(files, ctx.feature.paths.screen)).toContain(`static const String title = ${dartString(label)};`);
    for (const file of files) expect(file.content).not.toContain(label);
    expect(fileContent(files, `${ctx.feature.paths.dir}/${ctx.feature.names.id}_order_screen.dart`)).toContain(
      `description: ${dartString(fill(uiText(ctx.plan).orderFrom, { app: ctx.plan.displayName }))},`,
    );
  });
});
