/**
 * Name tables for the symbol checks: what the Dart SDK libraries QA can verify
 * without an SDK declare, which words are reserved, and a few Flutter names.
 */

function names(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

/** Public capitalised names of `dart:core` (types, typedefs, extensions, annotations). */
export const DART_CORE_NAMES = names(`
  AbstractClassInstantiationError ArgumentError AssertionError BidirectionalIterator BigInt
  CastError Comparable Comparator ConcurrentModificationError CyclicInitializationError DateTime
  Deprecated Duration Enum EnumByName EnumName Error Exception Expando FallThroughError Finalizer
  FormatException Function Future Never IndexError IntegerDivisionByZeroException Invocation
  Iterable IterableExtensions Iterator LateInitializationError List Map MapEntry Match
  NoSuchMethodError Null NullThrownError NullableIterableExtensions Object OutOfMemoryError
  Pattern RangeError Record RegExp RegExpMatch RuneIterator Runes Set Sink StackOverflowError
  StackTrace StateError Stopwatch Stream String StringBuffer StringSink Symbol Type TypeError
  UnimplementedError UnsupportedError Uri UriData WeakReference
`);

/** Capitalised names of the SDK libraries QA keeps a complete-enough table for. */
export const DART_LIBRARY_NAMES: Readonly<Record<string, ReadonlySet<string>>> = {
  core: DART_CORE_NAMES,
  async: names(`
    AsyncError Completer ControllerCallback ControllerCancelCallback CreatePeriodicTimerHandler
    CreateTimerHandler DeferredLibrary DeferredLoadException ErrorCallbackHandler EventSink
    ForkHandler Future FutureExtensions FutureIterable FutureOr FutureRecord2 FutureRecord3
    FutureRecord4 FutureRecord5 FutureRecord6 FutureRecord7 FutureRecord8 FutureRecord9
    HandleUncaughtErrorHandler MultiStreamController ParallelWaitError PrintHandler
    RegisterBinaryCallbackHandler RegisterCallbackHandler RegisterUnaryCallbackHandler
    RunBinaryHandler RunHandler RunUnaryHandler ScheduleMicrotaskHandler Stream StreamConsumer
    StreamController StreamIterator StreamSink StreamSubscription StreamTransformer
    StreamTransformerBase StreamView SynchronousStreamController TimeoutException Timer Zone
    ZoneBinaryCallback ZoneCallback ZoneDelegate ZoneSpecification ZoneUnaryCallback
  `),
  math: names('MutableRectangle Point Random Rectangle'),
  convert: names(`
    AsciiCodec AsciiDecoder AsciiEncoder Base64Codec Base64Decoder Base64Encoder
    ByteConversionSink ChunkedConversionSink ClosableStringSink Codec Converter Encoding
    HtmlEscape HtmlEscapeMode JsonCodec JsonCyclicError JsonDecoder JsonEncoder
    JsonUnsupportedObjectError Latin1Codec Latin1Decoder Latin1Encoder LineSplitter
    StringConversionSink Utf8Codec Utf8Decoder Utf8Encoder
  `),
};

/**
 * Reserved words: never an identifier (Dart language spec, "Reserved Words").
 * `await` and `yield` are only reserved inside async / generator bodies and are left out.
 */
export const DART_RESERVED_WORDS = names(`
  assert break case catch class const continue default do else enum extends false final finally
  for if in is new null rethrow return super switch this throw true try var void while with
`);

/**
 * Built-in identifiers: legal as variable, parameter and function names, but not
 * as the name of a class, enum, mixin, extension or typedef. Contextual keywords
 * (`on`, `show`, `hide`, `of`, `type`, `when`, `sealed`, `base`, …) are legal everywhere.
 */
export const DART_BUILT_IN_IDENTIFIERS = names(`
  abstract as covariant deferred dynamic export extension external factory Function get
  implements import interface late library mixin operator part required set static typedef
`);

/**
 * Common names exported by `package:flutter` (widgets, material, painting, foundation,
 * services). A project declaration with one of these names is not reported as
 * "not imported" in a file that imports Flutter: the file may mean Flutter's.
 */
export const COMMON_FLUTTER_NAMES = names(`
  AboutDialog AbsorbPointer Accumulator Action Actions ActionChip Align Alignment
  AlignmentDirectional AlertDialog AlwaysScrollableScrollPhysics AnimatedBuilder AnimatedContainer
  AnimatedCrossFade AnimatedList AnimatedOpacity AnimatedSwitcher Animation AnimationController
  AppBar AppBarTheme AspectRatio AssetImage AutomaticKeepAliveClientMixin Autocomplete Axis
  BackButton Badge Banner BottomAppBar BottomNavigationBar BottomNavigationBarItem BottomSheet
  Border BorderRadius BorderSide BoxConstraints BoxDecoration BoxFit BoxShadow Brightness
  BuildContext Builder ButtonStyle Canvas Card Center ChangeNotifier ChangeNotifierProvider Checkbox
  CheckboxListTile Chip ChoiceChip CircleAvatar CircularProgressIndicator ClipOval ClipRRect
  ClipRect Clipboard ClipboardData Color ColorScheme Colors Column ConstrainedBox Container
  CrossAxisAlignment CupertinoApp CupertinoButton CupertinoPageRoute Curve Curves CustomPaint
  CustomPainter CustomScrollView DataCell DataColumn DataRow DataTable DatePickerDialog
  DecoratedBox DecorationImage DefaultTabController DefaultTextStyle Dialog Directionality
  Dismissible DismissDirection Divider Drawer DrawerHeader DropdownButton DropdownButtonFormField
  DropdownMenu DropdownMenuEntry DropdownMenuItem EdgeInsets EdgeInsetsDirectional ElevatedButton
  Element ErrorWidget Expanded ExpansionTile FadeTransition FilledButton FilterChip Flex Flexible
  FloatingActionButton FlutterError FlutterLogo FocusNode FocusScope Font FontStyle FontWeight
  Form FormField FormState FractionallySizedBox FutureBuilder GestureDetector GlobalKey
  GlobalObjectKey GridTile GridView Hero Icon IconButton IconData IconTheme Icons Image
  ImageProvider InheritedWidget InkWell InputBorder InputChip InputDecoration
  InputDecorationTheme IntrinsicHeight IntrinsicWidth Key KeyedSubtree LayoutBuilder
  LinearGradient LinearProgressIndicator ListBody ListTile ListView Listenable ListenableBuilder
  LocalKey Locale Localizations MainAxisAlignment MainAxisSize Material MaterialApp
  MaterialColor MaterialPageRoute MaterialState MaterialStateProperty MediaQuery MenuAnchor
  MenuItemButton Navigator NavigationBar NavigationDestination NavigationRail
  NavigationRailDestination NetworkImage Notification ObjectKey Offset Offstage Opacity
  OrientationBuilder OutlineInputBorder OutlinedButton Overlay OverlayEntry Padding PageController
  PageRoute PageView Paint Path Placeholder PopScope PopupMenuButton PopupMenuItem Positioned
  PreferredSize PreferredSizeWidget Radio RadioListTile RangeSlider RawMaterialButton Rect
  RefreshIndicator RenderBox RichText Route RouteSettings Row SafeArea Scaffold
  ScaffoldMessenger ScaffoldState ScrollController ScrollPhysics Scrollbar SearchAnchor
  SearchBar SearchController SegmentedButton SelectableText Semantics ShapeBorder
  SimpleDialog SingleChildScrollView SingleTickerProviderStateMixin Size SizedBox SizedOverflowBox
  Slider SliverAppBar SliverList SliverToBoxAdapter SnackBar Spacer Stack State StatefulBuilder
  StatefulWidget StatelessWidget Step Stepper StreamBuilder StrutStyle Switch SwitchListTile
  SystemChrome TabBar TabBarView TabController Table TableRow Text TextAlign TextButton
  TextDecoration TextDirection TextEditingController TextField TextFormField TextInputAction
  TextInputType TextOverflow TextSpan TextStyle TextTheme Theme ThemeData ThemeMode
  TickerProviderStateMixin TimeOfDay Tooltip Transform TweenAnimationBuilder Tween UniqueKey
  ValueChanged ValueGetter ValueKey ValueListenable ValueListenableBuilder ValueNotifier
  ValueSetter VerticalDivider Visibility VoidCallback Widget WidgetBuilder WidgetsApp
  WidgetsBinding WidgetsFlutterBinding Wrap
`);

/**
 * Names exported by packages generated apps commonly use (firebase, supabase,
 * http, provider, go_router, intl, …) that projects also like to declare. In a
 * file importing such a package, a project declaration of the same name is not
 * reported as "not imported": the file may mean the package's.
 */
export const COMMON_PACKAGE_NAMES = names(`
  AuthState Bloc BlocBuilder BlocProvider ChangeNotifierProvider Client Consumer Cubit DateFormat
  Document DocumentReference DocumentSnapshot Event Field FieldValue Firebase FirebaseAuth
  FirebaseFirestore GoRoute GoRouter Intl Message Notification NumberFormat Provider ProviderScope
  Query QuerySnapshot Request Response Selector Session Settings Supabase SupabaseClient
  Timestamp Transaction User UserCredential
`);

/** WidgetTester (and gesture) methods that drive the UI in a widget test. */
export const TEST_ACTION_METHODS = names(`
  drag dragFrom dragUntilVisible enterText fling flingFrom longPress longPressAt pageBack press
  scrollUntilVisible sendKeyDownEvent sendKeyEvent sendKeyRepeatEvent sendKeyUpEvent showKeyboard
  startGesture tap tapAt tapOnText timedDrag timedDragFrom
`);

/** Test-side helpers that are never themselves an interaction. */
export const NON_ACTION_METHODS = names(
  'addListener dispose hashCode noSuchMethod removeListener runtimeType toString',
);

/** A type-like name: capitalised, possibly library-private (`Foo`, `_Foo`). */
export function isCapitalised(name: string): boolean {
  return /^_*[A-Z]/.test(name);
}
