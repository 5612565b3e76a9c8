//! Data the views share, freed with the last view that holds it.
//!
//! A corpus, a thread index or a data file is a [`Shared`] value: views
//! clone the handle (a reference count), and the value is dropped when
//! the last handle goes, so a corpus that a reader's own articles replace
//! is freed once the views have moved to the new one.
//!
//! What a view derives from such data and keeps beyond one render (a
//! timeline memoised across renders, an article passed to a child
//! component) borrows from it: it is [`Held`] together with the data it
//! borrows from (a [`yoke::Yoke`]), so the borrow can never outlive it.

use std::ops::Deref;
use std::rc::Rc;
use yoke::erased::ErasedRcCart;
use yoke::{Yoke, Yokeable};

/// A value the views share. Equal when it is the same value (a pointer
/// comparison: props and memo keys compare in constant time).
#[derive(Debug, Default)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }

    /// A handle that does not keep the value (for caches keyed by it).
    pub fn downgrade(&self) -> std::rc::Weak<T> {
        Rc::downgrade(&self.0)
    }

    /// Whether `weak` was made from this value (a weak handle keeps the
    /// allocation, so no other value can have its address).
    pub fn is(&self, weak: &std::rc::Weak<T>) -> bool {
        std::ptr::eq(Rc::as_ptr(&self.0), weak.as_ptr())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A value borrowed from [`Shared`] data, kept with that data. Equal when
/// it is the same holding (a pointer comparison, as for [`Shared`]).
pub struct Held<Y: for<'a> Yokeable<'a>>(Rc<Yoke<Y, ErasedRcCart>>);

impl<Y: for<'a> Yokeable<'a>> Held<Y> {
    /// What `derive` borrows from `data`, held with it.
    pub fn of<T: 'static>(
        data: &Shared<T>,
        derive: impl for<'de> FnOnce(&'de T) -> <Y as Yokeable<'de>>::Output,
    ) -> Held<Y> {
        Held(Rc::new(
            Yoke::attach_to_cart(Rc::clone(&data.0), derive).erase_rc_cart(),
        ))
    }

    /// What `derive` borrows from `data`, if anything (a document the
    /// corpus may not hold).
    pub fn try_of<T: 'static>(
        data: &Shared<T>,
        derive: impl for<'de> FnOnce(&'de T) -> Option<<Y as Yokeable<'de>>::Output>,
    ) -> Option<Held<Y>> {
        let yoke = Yoke::try_attach_to_cart(Rc::clone(&data.0), |data| derive(data).ok_or(()));
        yoke.ok().map(|yoke| Held(Rc::new(yoke.erase_rc_cart())))
    }

    pub fn get(&self) -> &<Y as Yokeable<'_>>::Output {
        self.0.get()
    }
}

impl<Y: for<'a> Yokeable<'a>> Clone for Held<Y> {
    fn clone(&self) -> Self {
        Held(Rc::clone(&self.0))
    }
}

impl<Y: for<'a> Yokeable<'a>> PartialEq for Held<Y> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_freed_with_the_last_holding_of_it() {
        let data = Shared::new(vec!["a".to_string(), "b".to_string()]);
        let weak = data.downgrade();
        let second: Held<&'static String> = Held::of(&data, |v| &v[1]);
        assert_eq!(second.get().as_str(), "b");
        drop(data);
        // The holding keeps the data it borrows from.
        assert_eq!(second.clone().get().as_str(), "b");
        assert!(weak.upgrade().is_some());
        drop(second);
        assert!(weak.upgrade().is_none(), "the data outlived every holding");
    }

    #[test]
    fn holdings_are_equal_when_they_are_the_same() {
        let data = Shared::new(vec![1, 2]);
        let a: Held<&'static i32> = Held::of(&data, |v| &v[0]);
        let b: Held<&'static i32> = Held::of(&data, |v| &v[0]);
        assert!(a == a.clone());
        assert!(a != b);
        assert!(data == data.clone());
        assert!(data != Shared::new(vec![1, 2]));
        let missing: Option<Held<&'static i32>> = Held::try_of(&data, |v| v.get(5));
        assert!(missing.is_none());
    }
}
