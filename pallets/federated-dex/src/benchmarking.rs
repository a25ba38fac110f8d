//! Benchmarks of the exchange (frame-benchmarking v2). Each measures the heaviest path of its
//! call: trades that move credit one way and native units the other, with the fee, and a book
//! that is full when the order rests (so that the worst order is evicted).

use super::*;
use confoederatio_primitives::BenchmarkHelper as _;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

/// Native units every benchmark account holds: plenty for orders and deposits.
const FUNDS: Amount = 1 << 90;

/// Credit every maker holds.
const CREDIT: Amount = 1_000;

/// An account holding [`FUNDS`].
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, FUNDS);
	who
}

/// An active cooperative with a wide band (1 to 1,000,000 native per unit), its market, and
/// its founder (who holds credit).
fn cooperative<T: Config>() -> (CoopId, Market, T::AccountId) {
	let founder = funded::<T>("founder", 0);
	let others = (1..3).map(|i| funded::<T>("founder", i));
	let founders: Vec<T::AccountId> = core::iter::once(founder.clone()).chain(others).collect();
	let coop = T::BenchmarkHelper::create_active_cooperative(&founders);
	T::ExchangeHelper::issue(coop, &founder, CREDIT);
	T::Currency::set_balance(&T::FeeAccount::get(), FUNDS);
	PriceBands::<T>::insert(
		coop,
		PriceBand { floor: Price::from_u32(1), ceiling: Price::from_u32(1_000_000) },
	);
	(coop, Market::against_native(coop), founder)
}

/// Fills `side` of `market` with resting orders of one funded account at `price`, leaving
/// `free` places.
fn fill_book<T: Config>(
	coop: CoopId,
	market: Market,
	side: Side,
	price: Price,
	free: u32,
) -> Result<(), BenchmarkError> {
	let owner = funded::<T>("filler", 0);
	let count = T::MaxOrdersPerSide::get().saturating_sub(free);
	if side == Side::Ask {
		T::ExchangeHelper::issue(coop, &owner, Amount::from(count).saturating_mul(10));
	}
	for _ in 0..count {
		Pallet::<T>::do_place(owner.clone(), market, side, price, 10, false)
			.map_err(|_| BenchmarkError::Stop("filling the book"))?;
	}
	Ok(())
}

/// Rests `count` asks of 10 units at `price`, each of its own funded maker holding credit.
fn asks_of_makers<T: Config>(
	coop: CoopId,
	market: Market,
	price: Price,
	count: u32,
) -> Result<(), BenchmarkError> {
	for i in 0..count {
		let maker = funded::<T>("maker", i);
		T::ExchangeHelper::issue(coop, &maker, CREDIT);
		Pallet::<T>::do_place(maker, market, Side::Ask, price, 10, false)
			.map_err(|_| BenchmarkError::Stop("ask"))?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A bid that trades with `f` asks of distinct makers, each filled, then rests on a full
	/// book, evicting its worst bid.
	#[benchmark]
	fn place_order(f: Linear<0, { T::MaxFills::get() }>) -> Result<(), BenchmarkError> {
		let (coop, market, _) = cooperative::<T>();
		let price = Price::from_u32(1_000);
		asks_of_makers::<T>(coop, market, price, f)?;
		fill_book::<T>(coop, market, Side::Bid, Price::from_u32(1), 0)?;
		let taker = funded::<T>("taker", 0);
		let amount = Amount::from(f).saturating_add(1).saturating_mul(10_000);
		let id = NextOrderId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(taker), market.quote, market.base, amount, price);

		// Each ask cost 10,000: what is left of the bid rests.
		let rests = Orders::<T>::get(id).map(|order| order.remaining);
		ensure!(rests == Some(10_000), BenchmarkError::Stop("not every ask traded"));
		ensure!(Books::<T>::get((market, Side::Ask)).is_empty(), BenchmarkError::Stop("asks left"));
		Ok(())
	}

	/// A bid that trades with `f` asks of distinct makers, each filled, and is filled itself:
	/// it does not rest. The rest of the ask book is full of asks at a worse price.
	#[benchmark]
	fn place_order_filled(f: Linear<1, { T::MaxFills::get() }>) -> Result<(), BenchmarkError> {
		let (coop, market, _) = cooperative::<T>();
		let price = Price::from_u32(1_000);
		asks_of_makers::<T>(coop, market, price, f)?;
		fill_book::<T>(coop, market, Side::Ask, Price::from_u32(2_000), f)?;
		let taker = funded::<T>("taker", 0);
		let amount = Amount::from(f).saturating_mul(10_000);
		let id = NextOrderId::<T>::get();

		#[extrinsic_call]
		place_order(RawOrigin::Signed(taker), market.quote, market.base, amount, price);

		ensure!(Orders::<T>::get(id).is_none(), BenchmarkError::Stop("the bid rests"));
		let left = T::MaxOrdersPerSide::get().saturating_sub(f);
		ensure!(
			Books::<T>::get((market, Side::Ask)).len() == left as usize,
			BenchmarkError::Stop("not f asks traded")
		);
		Ok(())
	}

	/// A bid cancelled out of a full book.
	#[benchmark]
	fn cancel_order() -> Result<(), BenchmarkError> {
		let (coop, market, _) = cooperative::<T>();
		fill_book::<T>(coop, market, Side::Bid, Price::from_u32(1), 1)?;
		let owner = funded::<T>("owner", 0);
		let placed =
			Pallet::<T>::do_place(owner.clone(), market, Side::Bid, Price::from_u32(1), 10, false)
				.map_err(|_| BenchmarkError::Stop("bid"))?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), placed.id);

		ensure!(Orders::<T>::get(placed.id).is_none(), BenchmarkError::Stop("still there"));
		Ok(())
	}

	/// A new band that closes both standing orders, each in a full book.
	#[benchmark]
	fn set_price_band() -> Result<(), BenchmarkError> {
		let (coop, market, founder) = cooperative::<T>();
		T::ExchangeHelper::fund(coop, &founder, 1 << 40);
		Pallet::<T>::do_set_standing_orders(coop, 1_000, 1_000_000)
			.map_err(|_| BenchmarkError::Stop("standing"))?;
		fill_book::<T>(coop, market, Side::Ask, Price::from_u32(1_000), 1)?;
		fill_book::<T>(coop, market, Side::Bid, Price::from_u32(10), 1)?;
		let origin = T::BenchmarkHelper::cooperative_origin(coop);
		let (floor, ceiling) = (Price::from_u32(2), Price::from_u32(100_000));

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, floor, ceiling);

		ensure!(
			StandingOrdersOf::<T>::get(coop) == StandingOrders::default(),
			BenchmarkError::Stop("standing")
		);
		Ok(())
	}

	/// Standing orders replacing a standing buy order: the sell order trades with `f` bids of
	/// distinct takers at the ceiling, then both rest.
	#[benchmark]
	fn set_standing_orders(f: Linear<0, { T::MaxFills::get() }>) -> Result<(), BenchmarkError> {
		let (coop, market, founder) = cooperative::<T>();
		T::ExchangeHelper::fund(coop, &founder, 1 << 40);
		Pallet::<T>::do_set_standing_orders(coop, 0, 1_000_000)
			.map_err(|_| BenchmarkError::Stop("standing"))?;
		let ceiling = Price::from_u32(1_000_000);
		for i in 0..f {
			let bidder = funded::<T>("bidder", i);
			Pallet::<T>::do_place(bidder, market, Side::Bid, ceiling, 10_000_000, false)
				.map_err(|_| BenchmarkError::Stop("bid"))?;
		}
		let origin = T::BenchmarkHelper::cooperative_origin(coop);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, 1_000, 1_000_000);

		let standing = StandingOrdersOf::<T>::get(coop);
		ensure!(standing.sell.is_some() && standing.buy.is_some(), BenchmarkError::Stop("resting"));
		ensure!(Books::<T>::get((market, Side::Bid)).len() == 1, BenchmarkError::Stop("bids left"));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
